import { useState } from 'preact/hooks';
import { formatFen, parseYuan, useI18n, useLoad } from '@shualian/web-kit';
import type { MerchantSettings, SettingsView } from '@shualian/sdk';
import { useSession } from '../session.context.tsx';
import { Loadable, PageTitle, Problem } from '../ui/page.view.tsx';

type SettingKey = keyof MerchantSettings;
type FieldKind = 'switch' | 'fen' | 'count';
interface Field {
  key: SettingKey;
  kind: FieldKind;
  /** the server's bounds, checked here too so the merchant reads them at the field */
  min?: number;
  max?: number;
}

/** The form, grouped as a merchant thinks of it; every key here is one of the server's settings. */
export const SETTING_GROUPS: Array<{ id: string; fields: Field[] }> = [
  {
    id: 'facePay',
    fields: [
      { key: 'facePayKillSwitch', kind: 'switch' },
      { key: 'faceStrangerOneIn', kind: 'count' },
    ],
  },
  {
    id: 'limits',
    fields: [
      { key: 'maxPaymentFen', kind: 'fen' },
      { key: 'defaultPerPaymentLimitFen', kind: 'fen' },
      { key: 'defaultDailyLimitFen', kind: 'fen' },
      { key: 'maxPaymentsPerMemberPerHour', kind: 'count' },
    ],
  },
  {
    id: 'risk',
    fields: [
      { key: 'maxStepUpFailures', kind: 'count' },
      { key: 'maxStepUpsPerDevicePerHour', kind: 'count' },
      { key: 'maxSpoofFlagsPerDevicePerHour', kind: 'count' },
      { key: 'headTurnWhenFlashNotVisible', kind: 'switch' },
      { key: 'headTurnParallax', kind: 'switch' },
    ],
  },
  {
    id: 'biometric',
    fields: [
      { key: 'keepRawImages', kind: 'switch' },
      { key: 'rawImageRetentionDays', kind: 'count' },
    ],
  },
  {
    id: 'channels',
    fields: [
      { key: 'cashierMaxTopUpFen', kind: 'fen' },
      { key: 'storeManagerMaxTopUpFen', kind: 'fen' },
      { key: 'merchantAdminMaxTopUpFen', kind: 'fen' },
      { key: 'testPaymentChannel', kind: 'switch' },
    ],
  },
  {
    id: 'entrance',
    fields: [
      { key: 'entranceStrangerOneIn', kind: 'count', min: 3_000 },
      { key: 'entranceVisitWindowMinutes', kind: 'count', min: 1, max: 240 },
    ],
  },
];

const FIELDS = SETTING_GROUPS.flatMap((g) => g.fields);
type Draft = Record<SettingKey, string | boolean>;

function draftOf(settings: MerchantSettings): Draft {
  const draft = {} as Draft;
  for (const { key, kind } of FIELDS) {
    const value = settings[key];
    draft[key] =
      kind === 'switch' ? Boolean(value) : kind === 'fen' ? ((value as number) / 100).toFixed(2) : String(value);
  }
  return draft;
}

/** The draft as settings values, with a message key for each field that is not a valid value. */
function parseDraft(draft: Draft): {
  values: Partial<MerchantSettings>;
  problems: Partial<Record<SettingKey, string>>;
} {
  const values: Record<string, number | boolean> = {};
  const problems: Partial<Record<SettingKey, string>> = {};
  for (const { key, kind, min, max } of FIELDS) {
    const raw = draft[key];
    if (kind === 'switch') values[key] = raw === true;
    else if (kind === 'fen') {
      const fen = parseYuan(String(raw));
      if (fen === undefined) problems[key] = 'settings.invalidYuan';
      else values[key] = fen;
    } else if (!/^\s*\d{1,9}\s*$/.test(String(raw))) problems[key] = 'settings.invalidCount';
    else {
      const count = Number(String(raw).trim());
      if ((min !== undefined && count < min) || (max !== undefined && count > max)) {
        problems[key] = max === undefined ? 'settings.atLeast' : 'settings.between';
      } else values[key] = count;
    }
  }
  return { values: values as Partial<MerchantSettings>, problems };
}

/** Face-pay settings with the engine's measured thresholds beside them; only merchant admins may change them. */
export function SettingsPage() {
  const { t } = useI18n();
  const { api, merchant, can } = useSession();
  const loaded = useLoad(() => api.settings(merchant.id), [api, merchant.id]);
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const view = saved?.merchantId === merchant.id ? saved : loaded.data;

  return (
    <>
      <PageTitle title={t('page.settings')} />
      <Loadable loading={loaded.loading} error={loaded.error} hasData={view !== undefined}>
        {view && (
          <div class="settings-layout">
            <SettingsForm
              key={JSON.stringify(view.settings)}
              view={view}
              editable={can('settings.manage')}
              savedCount={savedCount}
              onSaved={(next, count) => {
                setSaved(next);
                setSavedCount(count);
              }}
            />
            <OpenSetCost view={view} />
            <ThresholdFacts view={view} />
          </div>
        )}
      </Loadable>
    </>
  );
}

function SettingsForm(props: {
  view: SettingsView;
  editable: boolean;
  savedCount: number | null;
  onSaved(view: SettingsView, changed: number): void;
}) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.view.settings));
  const [problems, setProblems] = useState<Partial<Record<SettingKey, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    setOutcome(null);
    setError(null);
    const parsed = parseDraft(draft);
    setProblems(parsed.problems);
    if (Object.keys(parsed.problems).length > 0) {
      setOutcome(t('settings.fixFirst'));
      return;
    }
    const patch: Record<string, unknown> = {};
    for (const { key } of FIELDS) if (parsed.values[key] !== props.view.settings[key]) patch[key] = parsed.values[key];
    const changed = Object.keys(patch).length;
    if (changed === 0) {
      setOutcome(t('settings.nothingChanged'));
      return;
    }
    setBusy(true);
    try {
      const next = await api.updateSettings(merchant.id, patch as Partial<MerchantSettings>);
      props.onSaved(next, changed);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const [edited, setEdited] = useState(false);
  const justSaved = !edited && props.savedCount !== null;

  return (
    <form class="card settings-form" onSubmit={save} noValidate aria-labelledby="settings-form-title">
      <h2 id="settings-form-title">{t('settings.formTitle')}</h2>
      {!props.editable && (
        <p class="notice notice-info" data-testid="settings-read-only">
          {t('settings.readOnly')}
        </p>
      )}
      <fieldset class="plain" disabled={!props.editable || busy}>
        {SETTING_GROUPS.map((group) => (
          <fieldset key={group.id} class="setting-group">
            <legend>{t(`settingsGroup.${group.id}`)}</legend>
            {group.fields.map((field) => (
              <SettingField
                key={field.key}
                field={field}
                value={draft[field.key]}
                problem={problems[field.key]}
                onChange={(value) => {
                  setDraft({ ...draft, [field.key]: value });
                  setEdited(true);
                }}
              />
            ))}
          </fieldset>
        ))}
      </fieldset>
      <div aria-live="polite">
        {justSaved && (
          <p class="notice notice-ok" role="status" data-testid="settings-saved">
            {t('settings.saved', { count: props.savedCount ?? 0 })}
          </p>
        )}
        {outcome && <p class="notice notice-info">{outcome}</p>}
      </div>
      <Problem error={error} />
      {props.editable && (
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('settings.saving') : t('settings.save')}
        </button>
      )}
    </form>
  );
}

function SettingField(props: {
  field: Field;
  value: string | boolean;
  problem?: string;
  onChange(value: string | boolean): void;
}) {
  const { t } = useI18n();
  const { key, kind } = props.field;
  const id = `setting-${key}`;
  const help = `${id}-help`;
  const problemId = `${id}-error`;
  if (kind === 'switch') {
    return (
      <div class="switch-field">
        <input
          id={id}
          type="checkbox"
          checked={props.value === true}
          aria-describedby={help}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <div>
          <label for={id}>{t(`setting.${key}`)}</label>
          <p id={help} class="hint">
            {t(`settingHelp.${key}`)}
          </p>
        </div>
      </div>
    );
  }
  return (
    <div class="field">
      <label for={id}>
        {t(`setting.${key}`)}
        <span class="unit">
          {t(
            kind === 'fen'
              ? 'settings.unitYuan'
              : key === 'rawImageRetentionDays'
                ? 'settings.unitDays'
                : key === 'entranceVisitWindowMinutes'
                  ? 'settings.unitMinutes'
                  : 'settings.unitTimes',
          )}
        </span>
      </label>
      <input
        id={id}
        name={key}
        inputMode={kind === 'fen' ? 'decimal' : 'numeric'}
        autoComplete="off"
        value={String(props.value)}
        aria-invalid={props.problem !== undefined}
        aria-describedby={props.problem ? `${problemId} ${help}` : help}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
      {props.problem && (
        <p id={problemId} class="field-error">
          {t(props.problem, { min: String(props.field.min ?? 0), max: String(props.field.max ?? '') })}
        </p>
      )}
      <p id={help} class="hint">
        {t(`settingHelp.${key}`)}
      </p>
    </div>
  );
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** The engine's operating points as measured; facts to weigh the limits against, not settings. */
/** What the merchant's pay-alone target costs at its gallery size: the score needed, and how many members reach it. */
function OpenSetCost(props: { view: SettingsView }) {
  const { t } = useI18n();
  const { gallery, targets, calibration, genuineSource } = props.view.openSet;
  return (
    <section class="card open-set-cost" aria-labelledby="open-set-title">
      <h2 id="open-set-title">{t('openSet.title')}</h2>
      <p class="muted">{t('openSet.intro', { members: gallery.members, templates: gallery.templates })}</p>
      <table>
        <caption class="visually-hidden">{t('openSet.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('openSet.target')}</th>
            <th scope="col" class="num">
              {t('openSet.payScore')}
            </th>
            <th scope="col" class="num">
              {t('openSet.payAlone')}
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => (
            <tr key={target.oneIn} data-current={target.current ? 'true' : undefined}>
              <th scope="row">
                {t('openSet.oneIn', { n: target.oneIn.toLocaleString('en-US') })}
                {target.current && <span class="hint-inline">{t('openSet.current')}</span>}
              </th>
              <td class="num">{target.payScore > 1 ? t('openSet.unreachable') : target.payScore.toFixed(3)}</td>
              <td class="num">
                {t('openSet.atMost', { share: `${Math.round(target.membersPayAloneAtMost * 100)}%` })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted small">{t('openSet.source', { tail: calibration.source, genuine: genuineSource })}</p>
    </section>
  );
}

function ThresholdFacts(props: { view: SettingsView }) {
  const { t } = useI18n();
  const { thresholds, measured, modelId } = props.view.engine;
  const impostors = measured.impostorPairs;
  return (
    <section class="card threshold-facts" aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">{t('thresholds.title')}</h2>
      <p class="muted">{t('thresholds.intro')}</p>
      <table>
        <caption class="visually-hidden">{t('thresholds.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('thresholds.point')}</th>
            <th scope="col" class="num">
              {t('thresholds.value')}
            </th>
            <th scope="col" class="num">
              {t('thresholds.tar')}
            </th>
            <th scope="col" class="num">
              {t('thresholds.falseAccepts')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              {t('thresholds.match')}
              <span class="hint-inline">{t('thresholds.matchUse')}</span>
            </th>
            <td class="num">{measured.atMatch.threshold.toFixed(2)}</td>
            <td class="num">{percent(measured.atMatch.trueAcceptRate)}</td>
            <td class="num">{t('thresholds.ofPairs', { n: measured.atMatch.falseAccepts, total: impostors })}</td>
          </tr>
          <tr>
            <th scope="row">
              {t('thresholds.high')}
              <span class="hint-inline">{t('thresholds.highUse', { margin: thresholds.margin.toFixed(2) })}</span>
            </th>
            <td class="num">{measured.atHigh.threshold.toFixed(2)}</td>
            <td class="num">{percent(measured.atHigh.trueAcceptRate)}</td>
            <td class="num">{t('thresholds.ofPairs', { n: measured.atHigh.falseAccepts, total: impostors })}</td>
          </tr>
          <tr>
            <th scope="row">
              {t('thresholds.margin')}
              <span class="hint-inline">{t('thresholds.marginUse')}</span>
            </th>
            <td class="num">{thresholds.margin.toFixed(2)}</td>
            <td class="num">—</td>
            <td class="num">—</td>
          </tr>
        </tbody>
      </table>
      <h3>{t('thresholds.impostorTitle')}</h3>
      <dl class="facts">
        <dt>{t('thresholds.impostorBbt', { dataset: 'faces-bbt' })}</dt>
        <dd>{measured.highestImpostor.facesBbt.toFixed(3)}</dd>
        <dt>{t('thresholds.impostorDemo')}</dt>
        <dd>{measured.highestImpostor.demoPhotos.toFixed(3)}</dd>
      </dl>
      <p>{t('thresholds.tradeOff')}</p>
      <p>{t('thresholds.closeCall', { gap: (thresholds.match - measured.highestImpostor.demoPhotos).toFixed(3) })}</p>
      <p class="muted small">
        {t('thresholds.source', {
          dataset: measured.dataset,
          genuine: measured.genuinePairs,
          impostor: measured.impostorPairs,
          date: measured.measuredOn,
          source: measured.source,
          model: modelId,
        })}
      </p>
      <p class="muted small">
        {t('thresholds.limitsNote', { limit: formatFen(props.view.settings.defaultPerPaymentLimitFen) })}
      </p>
    </section>
  );
}
