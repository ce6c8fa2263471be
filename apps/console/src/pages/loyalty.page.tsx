import { useState } from 'preact/hooks';
import { ApiError, type RequestOf, type ResponseOf } from '@shualian/sdk';
import { parseYuan, useI18n, useLoad } from '@shualian/web-kit';
import { useSession } from '../session.context.tsx';
import { Loadable, PageTitle, Problem } from '../ui/page.view.tsx';

type Program = ResponseOf<'getLoyaltyProgram'>;
type Tier = ResponseOf<'listLoyaltyTiers'>['tiers'][number];
type TierInput = RequestOf<'defineLoyaltyTiers'>['tiers'][number];
type Template = ResponseOf<'listCouponTemplates'>['templates'][number];

const BASES: Program['tierBasis'][] = ['spend', 'points', 'visits'];
const ORDERS: Program['spendingOrder'][] = ['principal_first', 'bonus_first', 'proportional'];
const WHOLE = /^\s*\d{1,9}\s*$/;
const whole = (text: string) => (WHOLE.test(text) ? Number(text.trim()) : undefined);

/** 会员等级与积分: the programme's rules (points rates, redemption, expiry, what tiers measure) and the tiers. */
export function LoyaltyPage() {
  const { t } = useI18n();
  const { api, merchant, can } = useSession();
  const program = useLoad(() => api.loyaltyProgram(merchant.id), [api, merchant.id]);
  const tiers = useLoad(() => api.loyaltyTiers(merchant.id), [api, merchant.id]);
  // The coupon templates a tier's birthday coupon is chosen from.
  const templates = useLoad(
    async () => (can('promotion.read') ? api.couponTemplates(merchant.id) : []),
    [api, merchant.id],
  );
  const [savedProgram, setSavedProgram] = useState<Program | null>(null);
  const current = savedProgram ?? program.data;
  return (
    <>
      <PageTitle title={t('page.loyalty')} />
      <Loadable loading={program.loading} error={program.error} hasData={current !== undefined}>
        {/* Not keyed by its content: the form stays (with its saved notice) when the server answers. */}
        {current && <ProgramForm program={current} onSaved={setSavedProgram} />}
      </Loadable>
      <section class="card" aria-labelledby="tiers-title">
        <h2 id="tiers-title">{t('tiers.title')}</h2>
        <Loadable loading={tiers.loading} error={tiers.error} hasData={tiers.data !== undefined}>
          {tiers.data && current && (
            <TiersEditor
              key={JSON.stringify(tiers.data)}
              tiers={tiers.data}
              basis={current.tierBasis}
              templates={templates.data ?? []}
            />
          )}
        </Loadable>
      </section>
    </>
  );
}

interface ProgramDraft {
  pointsPerYuan: string;
  pointsPerYuanOff: string;
  maxRedeemPercent: string;
  pointsExpiryMonths: string;
  tierBasis: Program['tierBasis'];
  tierWindowDays: string;
  spendingOrder: Program['spendingOrder'];
}
type NumberField = 'pointsPerYuan' | 'pointsPerYuanOff' | 'maxRedeemPercent' | 'pointsExpiryMonths' | 'tierWindowDays';
const NUMBER_FIELDS: NumberField[] = [
  'pointsPerYuan',
  'pointsPerYuanOff',
  'maxRedeemPercent',
  'pointsExpiryMonths',
  'tierWindowDays',
];

function ProgramForm(props: { program: Program; onSaved(program: Program): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const p = props.program;
  const [draft, setDraft] = useState<ProgramDraft>({
    pointsPerYuan: String(p.pointsPerYuan),
    pointsPerYuanOff: String(p.pointsPerYuanOff),
    maxRedeemPercent: String(p.maxRedeemPercent),
    pointsExpiryMonths: p.pointsExpiryMonths === null ? '' : String(p.pointsExpiryMonths),
    tierBasis: p.tierBasis,
    tierWindowDays: String(p.tierWindowDays),
    spendingOrder: p.spendingOrder,
  });
  const [problems, setProblems] = useState<Partial<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const set = (key: keyof ProgramDraft, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setDone(false);
  };

  async function submit(event: Event) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const numbers: Partial<Record<NumberField, number | null>> = {};
    for (const key of NUMBER_FIELDS) {
      if (key === 'pointsExpiryMonths' && draft[key].trim() === '') numbers[key] = null;
      else {
        const n = whole(draft[key]);
        if (n === undefined) found[key] = t('program.wholeNumber');
        else numbers[key] = n;
      }
    }
    setProblems(found);
    setError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const next = await api.updateLoyaltyProgram(merchant.id, {
        ...(numbers as Required<Pick<Program, NumberField>>),
        tierBasis: draft.tierBasis,
        spendingOrder: draft.spendingOrder,
      });
      setDone(true);
      props.onSaved(next);
    } catch (caught) {
      // The server names the field it refused: show the sentence beside that field.
      const field =
        caught instanceof ApiError && caught.code === 'loyalty_program_invalid'
          ? (caught.details as { field?: string } | undefined)?.field
          : undefined;
      if (field && field in draft)
        setProblems({ [field]: t('program.invalidField', { message: (caught as ApiError).message }) });
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const numberField = (key: NumberField) => (
    <div class="field" key={key}>
      <label for={`program-${key}`}>{t(`program.${key}`)}</label>
      <input
        id={`program-${key}`}
        inputMode="numeric"
        autoComplete="off"
        value={draft[key]}
        aria-invalid={problems[key] ? true : undefined}
        aria-describedby={`program-${key}-hint${problems[key] ? ` program-${key}-error` : ''}`}
        onInput={(e) => set(key, e.currentTarget.value)}
      />
      <p id={`program-${key}-hint`} class="hint">
        {t(`program.${key}Hint`)}
      </p>
      {problems[key] && (
        <p id={`program-${key}-error`} class="field-error" role="alert">
          {problems[key]}
        </p>
      )}
    </div>
  );

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="program-title">
      <h2 id="program-title">{t('program.title')}</h2>
      <fieldset class="setting-group">
        <legend>{t('program.points')}</legend>
        {numberField('pointsPerYuan')}
        {numberField('pointsPerYuanOff')}
        {numberField('maxRedeemPercent')}
        {numberField('pointsExpiryMonths')}
      </fieldset>
      <fieldset class="setting-group">
        <legend>{t('program.tierRule')}</legend>
        <div class="field">
          <label for="program-tierBasis">{t('program.tierBasis')}</label>
          <select
            id="program-tierBasis"
            value={draft.tierBasis}
            onChange={(e) => set('tierBasis', e.currentTarget.value)}
          >
            {BASES.map((b) => (
              <option key={b} value={b}>
                {t(`tierBasis.${b}`)}
              </option>
            ))}
          </select>
        </div>
        {numberField('tierWindowDays')}
      </fieldset>
      <fieldset class="setting-group">
        <legend>{t('program.storedValue')}</legend>
        <div class="field">
          <label for="program-spendingOrder">{t('program.spendingOrder')}</label>
          <select
            id="program-spendingOrder"
            value={draft.spendingOrder}
            onChange={(e) => set('spendingOrder', e.currentTarget.value)}
          >
            {ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`spendingOrder.${o}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('program.saving') : t('program.save')}
      </button>
      <Problem error={error} />
      {done && (
        <p class="notice notice-ok" role="status">
          {t('program.saved')}
        </p>
      )}
    </form>
  );
}

interface TierDraft {
  name: string;
  threshold: string;
  discountPercent: string;
  pointsMultiplierPercent: string;
  birthdayPoints: string;
  /** The birthday coupon's template id; '': none (无). */
  birthdayCoupon: string;
  /** The template of the coupon given on reaching the tier; '': none (无). */
  upgradeCoupon: string;
}

/** Thresholds in the unit a merchant thinks in: yuan for spend (sent as fen), points or visits as they are. */
const thresholdText = (tier: Tier, basis: Program['tierBasis']) =>
  basis === 'spend' ? (tier.threshold / 100).toFixed(2).replace(/\.00$/, '') : String(tier.threshold);

const emptyTier = (): TierDraft => ({
  name: '',
  threshold: '',
  discountPercent: '0',
  pointsMultiplierPercent: '100',
  birthdayPoints: '0',
  birthdayCoupon: '',
  upgradeCoupon: '',
});

function TiersEditor(props: { tiers: Tier[]; basis: Program['tierBasis']; templates: Template[] }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [rows, setRows] = useState<TierDraft[]>(() =>
    props.tiers.map((tier) => ({
      name: tier.name,
      threshold: thresholdText(tier, props.basis),
      discountPercent: String(tier.discountPercent),
      pointsMultiplierPercent: String(tier.pointsMultiplierPercent),
      birthdayPoints: String(tier.birthdayPoints),
      birthdayCoupon: tier.birthdayCouponTemplateId ?? '',
      upgradeCoupon: tier.upgradeCouponTemplateId ?? '',
    })),
  );
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Tier[] | null>(null);

  const edit = (i: number, key: keyof TierDraft, value: string) => {
    setRows((r) => r.map((row, j) => (j === i ? { ...row, [key]: value } : row)));
    setSaved(null);
  };

  async function submit(event: Event) {
    event.preventDefault();
    const errors: Record<number, string> = {};
    const tiers: TierInput[] = rows.map((row, i) => {
      const threshold = props.basis === 'spend' ? parseYuan(row.threshold) : whole(row.threshold);
      const discountPercent = whole(row.discountPercent);
      const pointsMultiplierPercent = whole(row.pointsMultiplierPercent);
      const birthdayPoints = whole(row.birthdayPoints);
      if (threshold === undefined || discountPercent === undefined || pointsMultiplierPercent === undefined)
        errors[i] = t('tiers.rowNumbers');
      else if (birthdayPoints === undefined) errors[i] = t('tiers.rowNumbers');
      return {
        name: row.name,
        threshold: threshold ?? 0,
        discountPercent: discountPercent ?? 0,
        pointsMultiplierPercent: pointsMultiplierPercent ?? 100,
        birthdayPoints: birthdayPoints ?? 0,
        birthdayCouponTemplateId: row.birthdayCoupon || null,
        upgradeCouponTemplateId: row.upgradeCoupon || null,
      };
    });
    setRowErrors(errors);
    setError(null);
    setSaved(null);
    if (Object.keys(errors).length) return;
    setBusy(true);
    try {
      setSaved(await api.defineLoyaltyTiers(merchant.id, tiers));
    } catch (caught) {
      // The server's tier rules answer with a code and the row it refused (details.index): say it on that row.
      const index = caught instanceof ApiError ? (caught.details as { index?: unknown } | undefined)?.index : undefined;
      if (caught instanceof ApiError && typeof index === 'number' && index < rows.length) {
        setRowErrors({ [index]: t(`tierError.${tierErrorCode(caught.code)}`) });
      } else if (caught instanceof ApiError && caught.code === 'invalid_request') {
        const issues = (caught.details as { issues?: Array<{ path?: string }> } | undefined)?.issues ?? [];
        const rowOf = issues.map((issue) => /^\/tiers\/(\d+)/.exec(issue.path ?? '')?.[1]).find(Boolean);
        if (rowOf !== undefined) setRowErrors({ [Number(rowOf)]: t('tierError.out_of_range') });
        else setError(caught);
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby="tiers-intro">
      <p id="tiers-intro" class="hint">
        {t('tiers.intro', { basis: t(`tierBasis.${props.basis}`) })}
      </p>
      {rows.length === 0 && <p class="empty-state">{t('tiers.none')}</p>}
      {rows.length > 0 && (
        <table>
          <caption class="visually-hidden">{t('tiers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tiers.rank')}</th>
              <th scope="col">{t('tiers.name')}</th>
              <th scope="col">{t(`tiers.threshold.${props.basis}`)}</th>
              <th scope="col">{t('tiers.discount')}</th>
              <th scope="col">{t('tiers.multiplier')}</th>
              <th scope="col">{t('tiers.birthday')}</th>
              <th scope="col">{t('tiers.birthdayCoupon')}</th>
              <th scope="col">{t('tiers.upgradeCoupon')}</th>
              <th scope="col">{t('table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const rank = i + 1;
              const errorId = `tier-${rank}-error`;
              const input = (key: keyof TierDraft, label: string, numeric = true) => (
                <input
                  id={`tier-${rank}-${key}`}
                  aria-label={t('tiers.fieldOf', { rank, field: label })}
                  inputMode={numeric ? 'decimal' : undefined}
                  autoComplete="off"
                  value={row[key]}
                  size={numeric ? 6 : 10}
                  aria-invalid={rowErrors[i] ? true : undefined}
                  aria-describedby={rowErrors[i] ? errorId : undefined}
                  onInput={(e) => edit(i, key, e.currentTarget.value)}
                />
              );
              return [
                <tr key={`row-${i}`}>
                  <th scope="row">{rank}</th>
                  <td>{input('name', t('tiers.name'), false)}</td>
                  <td>{input('threshold', t(`tiers.threshold.${props.basis}`))}</td>
                  <td>{input('discountPercent', t('tiers.discount'))}</td>
                  <td>{input('pointsMultiplierPercent', t('tiers.multiplier'))}</td>
                  <td>{input('birthdayPoints', t('tiers.birthday'))}</td>
                  {(['birthdayCoupon', 'upgradeCoupon'] as const).map((key) => (
                    <td key={key}>
                      <select
                        id={`tier-${rank}-${key}`}
                        aria-label={t('tiers.fieldOf', { rank, field: t(`tiers.${key}`) })}
                        value={row[key]}
                        aria-invalid={rowErrors[i] ? true : undefined}
                        aria-describedby={rowErrors[i] ? errorId : undefined}
                        onChange={(e) => edit(i, key, e.currentTarget.value)}
                      >
                        <option value="">{t('tiers.birthdayCouponNone')}</option>
                        {props.templates.map((template) => (
                          <option key={template.templateId} value={template.templateId}>
                            {template.status === 'paused'
                              ? t('tiers.birthdayCouponPaused', { name: template.name })
                              : template.name}
                          </option>
                        ))}
                        {row[key] && !props.templates.some((x) => x.templateId === row[key]) && (
                          <option value={row[key]}>{t('tiers.birthdayCouponUnlisted')}</option>
                        )}
                      </select>
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      aria-label={t('tiers.removeOf', { rank })}
                      onClick={() => {
                        setRows((r) => r.filter((_, j) => j !== i));
                        setRowErrors({});
                      }}
                    >
                      {t('tiers.remove')}
                    </button>
                  </td>
                </tr>,
                rowErrors[i] ? (
                  <tr key={`error-${i}`}>
                    <td colSpan={9}>
                      <p id={errorId} class="field-error" role="alert">
                        {t('tiers.rowError', { rank, message: rowErrors[i]! })}
                      </p>
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      )}
      <div class="row-actions">
        <button type="button" onClick={() => setRows((r) => [...r, emptyTier()])}>
          {t('tiers.add')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('tiers.saving') : t('tiers.save')}
        </button>
      </div>
      <Problem error={error} />
      {saved && (
        <p class="notice notice-ok" role="status">
          {t('tiers.saved', { count: saved.length })}
        </p>
      )}
    </form>
  );
}

const TIER_ERRORS = [
  'tiers_invalid',
  'tier_thresholds_not_increasing',
  'tier_discount_invalid',
  'tier_birthday_coupon_invalid',
  'tier_upgrade_coupon_invalid',
] as const;
const tierErrorCode = (code: string) => ((TIER_ERRORS as readonly string[]).includes(code) ? code : 'other');
