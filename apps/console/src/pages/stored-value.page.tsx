import { useState } from 'preact/hooks';
import { newIdempotencyKey, type MemberSummary, type ResponseOf } from '@shualian/sdk';
import { formatDateTime, formatFen, parseYuan, useI18n, useLoad } from '@shualian/web-kit';
import { useSession } from '../session.context.tsx';
import { Dialog, Loadable, Money, PageTitle, Problem, ReasonField } from '../ui/page.view.tsx';

type Plan = ResponseOf<'listStoredValuePlans'>['plans'][number];
type Sale = ResponseOf<'purchaseStoredValuePlan'> & { planName: string; maskedPhone: string };
type PlanRefund = ResponseOf<'refundStoredValuePurchase'>;

const DAY_MS = 86_400_000;
const dateInput = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
/** A date field's day as the instant it starts in the browser's time zone (the store's). */
const startOfDay = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return y && m && d ? new Date(y, m - 1, d) : undefined;
};

/** 储值方案 (充值送): the plans, a new plan, selling one at the till and refunding a sale, and the deferred revenue. */
export function StoredValuePage() {
  const { t } = useI18n();
  const { api, merchant, can } = useSession();
  const plans = useLoad(() => api.storedValuePlans(merchant.id), [api, merchant.id]);
  const report = useLoad(
    () => (can('settlement.read') ? api.storedValueReport(merchant.id) : Promise.resolve(null)),
    [api, merchant.id],
  );
  const list = plans.data ?? [];
  const reload = () => {
    plans.reload();
    report.reload();
  };
  return (
    <>
      <PageTitle title={t('page.stored-value')} />
      <section class="card" aria-labelledby="plans-title">
        <h2 id="plans-title">{t('plans.title')}</h2>
        <Loadable
          loading={plans.loading}
          error={plans.error}
          hasData={plans.data !== undefined}
          empty={list.length === 0}
          emptyText={t('plans.none')}
        >
          <PlanTable plans={list} />
        </Loadable>
        {can('loyalty.manage') && <PlanForm onCreated={reload} />}
      </section>
      {can('stored_value.sell') && <SellPlan plans={list} onSold={reload} />}
      {report.data && <Report report={report.data} plans={list} />}
      {report.error ? <Problem error={report.error} /> : null}
    </>
  );
}

function PlanTable(props: { plans: Plan[] }) {
  const { t, lang } = useI18n();
  const now = Date.now();
  return (
    <table data-testid="plan-table">
      <thead>
        <tr>
          <th scope="col">{t('plans.name')}</th>
          <th scope="col" class="num">
            {t('plans.price')}
          </th>
          <th scope="col" class="num">
            {t('plans.bonus')}
          </th>
          <th scope="col">{t('plans.validity')}</th>
          <th scope="col" class="num">
            {t('plans.limit')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.plans.map((plan) => {
          const onSale = Date.parse(plan.validFrom) <= now && now < Date.parse(plan.validUntil);
          return (
            <tr key={plan.planId}>
              <th scope="row">{plan.name}</th>
              <td class="num">
                <Money fen={plan.priceFen} />
              </td>
              <td class="num">
                <Money fen={plan.bonusFen} />
              </td>
              <td>
                {formatDateTime(plan.validFrom, lang)} – {formatDateTime(plan.validUntil, lang)}
                {!onSale && <span class="badge badge-off">{t('plans.notOnSale')}</span>}
              </td>
              <td class="num">{plan.perMemberLimit}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PlanForm(props: { onCreated(): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const [bonus, setBonus] = useState('0');
  const [from, setFrom] = useState(() => dateInput(new Date()));
  const [until, setUntil] = useState(() => dateInput(new Date(Date.now() + 90 * DAY_MS)));
  const [limit, setLimit] = useState('1');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const priceFen = parseYuan(price);
    const bonusFen = parseYuan(bonus);
    const validFrom = startOfDay(from);
    const untilDay = startOfDay(until);
    const perMemberLimit = /^\s*\d{1,4}\s*$/.test(limit) ? Number(limit.trim()) : undefined;
    const problem = !name.trim()
      ? t('plans.nameMissing')
      : priceFen === undefined || priceFen <= 0
        ? t('plans.priceInvalid')
        : bonusFen === undefined
          ? t('plans.bonusInvalid')
          : !validFrom || !untilDay
            ? t('plans.datesInvalid')
            : perMemberLimit === undefined || perMemberLimit < 1
              ? t('plans.limitInvalid')
              : null;
    setInvalid(problem);
    setCreated(null);
    setError(null);
    if (problem) return;
    setBusy(true);
    try {
      const plan = await api.createStoredValuePlan(merchant.id, {
        name: name.trim(),
        priceFen: priceFen!,
        bonusFen: bonusFen!,
        validFrom: validFrom!.toISOString(),
        // The last day counts whole: the sale ends when the next day starts.
        validUntil: new Date(untilDay!.getTime() + DAY_MS).toISOString(),
        perMemberLimit: perMemberLimit!,
      });
      setCreated(plan.name);
      setName('');
      setPrice('');
      setBonus('0');
      props.onCreated();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    type: 'text' | 'date' = 'text',
  ) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        // preact types each input type apart; the two used here take the same attributes
        {...({ type } as object)}
        inputMode={type === 'text' && id !== 'plan-name' ? 'decimal' : undefined}
        autoComplete="off"
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? 'plan-error' : undefined}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </div>
  );

  return (
    <form class="inline-form" onSubmit={submit} noValidate aria-labelledby="plan-form-title">
      <h3 id="plan-form-title" class="form-title">
        {t('plans.create')}
      </h3>
      {field('plan-name', t('plans.name'), name, setName)}
      {field('plan-price', t('plans.priceYuan'), price, setPrice)}
      {field('plan-bonus', t('plans.bonusYuan'), bonus, setBonus)}
      {field('plan-from', t('plans.from'), from, setFrom, 'date')}
      {field('plan-until', t('plans.until'), until, setUntil, 'date')}
      {field('plan-limit', t('plans.limit'), limit, setLimit)}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('plans.creating') : t('plans.createSubmit')}
      </button>
      {invalid && (
        <p id="plan-error" class="field-error" role="alert">
          {invalid}
        </p>
      )}
      <Problem error={error} />
      {created && (
        <p class="notice notice-ok" role="status">
          {t('plans.created', { name: created })}
        </p>
      )}
    </form>
  );
}

/**
 * Selling at the till: find the member by the last four digits of their phone, pick the plan, take the money. One
 * idempotency key per intended sale, kept across retries, so a double press or a lost answer sells once.
 */
function SellPlan(props: { plans: Plan[]; onSold(): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [suffix, setSuffix] = useState('');
  const [found, setFound] = useState<MemberSummary[] | null>(null);
  const [memberId, setMemberId] = useState('');
  const [planId, setPlanId] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sales, setSales] = useState<Sale[]>([]);
  const [refunding, setRefunding] = useState<Sale | null>(null);
  const [refunds, setRefunds] = useState<Record<string, PlanRefund>>({});
  const now = Date.now();
  const onSale = props.plans.filter((p) => Date.parse(p.validFrom) <= now && now < Date.parse(p.validUntil));

  async function find(event: Event) {
    event.preventDefault();
    if (!/^\d{4}$/.test(suffix.trim())) return setInvalid(t('sell.suffixInvalid'));
    setInvalid(null);
    setError(null);
    try {
      const members = await api.members(merchant.id, { phoneSuffix: suffix.trim(), limit: 20 });
      setFound(members);
      setMemberId(members.length === 1 ? members[0]!.memberId : '');
      setKey(newIdempotencyKey());
    } catch (caught) {
      setError(caught);
    }
  }

  async function sell(event: Event) {
    event.preventDefault();
    const member = found?.find((m) => m.memberId === memberId);
    const plan = props.plans.find((p) => p.planId === planId);
    if (!member) return setInvalid(t('sell.memberMissing'));
    if (!plan) return setInvalid(t('sell.planMissing'));
    setInvalid(null);
    setBusy(true);
    setError(null);
    try {
      const sold = await api.sellStoredValuePlan(merchant.id, member.memberId, {
        planId: plan.planId,
        idempotencyKey: key,
      });
      setSales((s) => [{ ...sold, planName: plan.name, maskedPhone: member.maskedPhone }, ...s]);
      setKey(newIdempotencyKey());
      props.onSold();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="sell-title">
      <h2 id="sell-title">{t('sell.title')}</h2>
      <form class="inline-form" onSubmit={find} role="search" noValidate>
        <div class="field">
          <label for="sell-suffix">{t('sell.suffix')}</label>
          <input
            id="sell-suffix"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={suffix}
            onInput={(e) => setSuffix(e.currentTarget.value)}
          />
        </div>
        <button type="submit">{t('sell.find')}</button>
      </form>
      {found && found.length === 0 && <p class="empty-state">{t('sell.noMember')}</p>}
      {found && found.length > 0 && (
        <form class="inline-form" onSubmit={sell} noValidate>
          <div class="field">
            <label for="sell-member">{t('sell.member')}</label>
            <select
              id="sell-member"
              value={memberId}
              onChange={(e) => {
                setMemberId(e.currentTarget.value);
                setKey(newIdempotencyKey());
              }}
            >
              <option value="">{t('sell.choose')}</option>
              {found.map((m) => (
                <option key={m.memberId} value={m.memberId}>
                  {m.maskedPhone}
                  {m.displayName ? ` ${m.displayName}` : ''}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="sell-plan">{t('sell.plan')}</label>
            <select
              id="sell-plan"
              value={planId}
              onChange={(e) => {
                setPlanId(e.currentTarget.value);
                setKey(newIdempotencyKey());
              }}
            >
              <option value="">{t('sell.choose')}</option>
              {onSale.map((p) => (
                <option key={p.planId} value={p.planId}>
                  {t('sell.planOption', { name: p.name, price: formatFen(p.priceFen), bonus: formatFen(p.bonusFen) })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('sell.busy') : t('sell.submit')}
          </button>
        </form>
      )}
      {invalid && (
        <p class="field-error" role="alert">
          {invalid}
        </p>
      )}
      <Problem error={error} />
      {sales.length > 0 && (
        <>
          <h3>{t('sell.sales')}</h3>
          <p class="hint">{t('sell.salesHint')}</p>
          <table data-testid="sales">
            <thead>
              <tr>
                <th scope="col">{t('sell.member')}</th>
                <th scope="col">{t('sell.plan')}</th>
                <th scope="col" class="num">
                  {t('plans.price')}
                </th>
                <th scope="col" class="num">
                  {t('plans.bonus')}
                </th>
                <th scope="col" class="num">
                  {t('sell.balance')}
                </th>
                <th scope="col">{t('table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sales.map((sale) => {
                const refund = refunds[sale.purchaseId];
                return (
                  <tr key={sale.purchaseId}>
                    <th scope="row">{sale.maskedPhone}</th>
                    <td>{sale.planName}</td>
                    <td class="num">
                      <Money fen={sale.principalFen} />
                    </td>
                    <td class="num">
                      <Money fen={sale.bonusFen} />
                    </td>
                    <td class="num">
                      <Money fen={sale.balanceFen} />
                    </td>
                    <td>
                      {refund ? (
                        <span data-testid="refund-breakdown">
                          {t('refundPlan.breakdown', {
                            refund: formatFen(refund.refundFen),
                            forfeit: formatFen(refund.forfeitFen),
                            spent: formatFen(refund.spentFen),
                          })}
                        </span>
                      ) : (
                        <button type="button" onClick={() => setRefunding(sale)}>
                          {t('refundPlan.open')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <Dialog
        open={refunding !== null}
        labelId="refund-plan-title"
        title={t('refundPlan.title')}
        onClose={() => setRefunding(null)}
      >
        {refunding && (
          <RefundPlanForm
            key={refunding.purchaseId}
            sale={refunding}
            onClose={() => setRefunding(null)}
            onRefunded={(refund) => {
              setRefunds((r) => ({ ...r, [refunding.purchaseId]: refund }));
              setRefunding(null);
              props.onSold();
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

/** The refund rule in the dialog: unspent principal back, the bonus left forfeited; the server decides the amounts. */
function RefundPlanForm(props: { sale: Sale; onClose(): void; onRefunded(refund: PlanRefund): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      props.onRefunded(
        await api.refundStoredValuePurchase(merchant.id, props.sale.memberId, props.sale.purchaseId, {
          reason: reason.trim(),
          idempotencyKey: key,
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <p>{t('refundPlan.rule', { plan: props.sale.planName, phone: props.sale.maskedPhone })}</p>
      <ReasonField
        id="refund-plan-reason"
        label={t('refundPlan.reason')}
        value={reason}
        missing={missing}
        missingMessage={t('refundPlan.reasonMissing')}
        onInput={(value) => {
          setReason(value);
          setKey(newIdempotencyKey());
        }}
      />
      <Problem error={error} />
      <div class="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('action.cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('refundPlan.busy') : t('refundPlan.confirm')}
        </button>
      </div>
    </form>
  );
}

function Report(props: { report: ResponseOf<'getStoredValueReport'>; plans: Plan[] }) {
  const { t } = useI18n();
  const names = new Map(props.plans.map((p) => [p.planId, p.name]));
  const r = props.report;
  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">{t('svReport.title')}</h2>
      <p class="hint">{t('svReport.intro')}</p>
      <dl class="facts">
        <dt>{t('svReport.principal')}</dt>
        <dd data-testid="principal-outstanding">
          <Money fen={r.principalOutstandingFen} />
        </dd>
        <dt>{t('svReport.bonus')}</dt>
        <dd data-testid="bonus-outstanding">
          <Money fen={r.bonusOutstandingFen} />
        </dd>
      </dl>
      {r.plans.length === 0 ? (
        <p class="empty-state">{t('svReport.none')}</p>
      ) : (
        <table data-testid="report-plans">
          <thead>
            <tr>
              <th scope="col">{t('plans.name')}</th>
              <th scope="col" class="num">
                {t('svReport.purchases')}
              </th>
              <th scope="col" class="num">
                {t('svReport.sold')}
              </th>
              <th scope="col" class="num">
                {t('svReport.given')}
              </th>
              <th scope="col" class="num">
                {t('svReport.refunded')}
              </th>
              <th scope="col" class="num">
                {t('svReport.forfeited')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.plans.map((p) => (
              <tr key={p.planId}>
                <th scope="row">{names.get(p.planId) ?? p.planId.slice(0, 8)}</th>
                <td class="num">{p.purchases}</td>
                <td class="num">
                  <Money fen={p.principalSoldFen} />
                </td>
                <td class="num">
                  <Money fen={p.bonusGivenFen} />
                </td>
                <td class="num">
                  <Money fen={p.principalRefundedFen} />
                </td>
                <td class="num">
                  <Money fen={p.bonusForfeitedFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
