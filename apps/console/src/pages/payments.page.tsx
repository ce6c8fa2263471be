import { useState } from 'preact/hooks';
import { formatDateTime, formatFen, navigateTo, parseYuan, useI18n, useLoad, type HashRoute } from '@shualian/web-kit';
import { newIdempotencyKey, type MerchantPayment as Payment } from '@shualian/sdk';
import { chinaToday } from '../business-day.ts';
import { useSession } from '../session.context.tsx';
import { Dialog, Loadable, Money, PageTitle, Problem } from '../ui/page.view.tsx';

/** Payments filtered by business day, store and member (the filters listPayments takes), with refunds. */
export function PaymentsPage(props: { route: HashRoute }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const { api, merchant, stores, storeName } = session;
  const params = props.route.params;
  const date = params.get('date') ?? chinaToday();
  const storeId = params.get('storeId') ?? '';
  const memberId = params.get('memberId') ?? '';
  const payments = useLoad(
    () =>
      api.payments(merchant.id, {
        date: date || undefined,
        storeId: storeId || undefined,
        memberId: memberId || undefined,
        limit: 200,
      }),
    [api, merchant.id, date, storeId, memberId],
  );
  const [refunding, setRefunding] = useState<Payment | null>(null);
  const [lastRefund, setLastRefund] = useState<{ amountFen: number } | null>(null);

  const setFilter = (change: Record<string, string | undefined>) =>
    navigateTo('payments', { date, storeId: storeId || undefined, memberId: memberId || undefined, ...change });

  const list = payments.data ?? [];
  return (
    <>
      <PageTitle title={t('page.payments')} />
      <section class="card" aria-labelledby="payment-filters-title">
        <h2 id="payment-filters-title">{t('payments.filters')}</h2>
        <div class="inline-form">
          <div class="field">
            <label for="payments-date">{t('payments.date')}</label>
            <input
              id="payments-date"
              type="date"
              value={date}
              onChange={(e) => setFilter({ date: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="payments-store">{t('payments.store')}</label>
            <select
              id="payments-store"
              value={storeId || (stores.length === 1 ? stores[0]!.id : '')}
              onChange={(e) => setFilter({ storeId: e.currentTarget.value || undefined })}
            >
              {stores.length > 1 && <option value="">{t('payments.allStores')}</option>}
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          {memberId && (
            <p class="filter-chip">
              {t('payments.memberFilter', { member: memberId.slice(0, 8) })}
              <button type="button" onClick={() => setFilter({ memberId: undefined })}>
                {t('payments.clearMember')}
              </button>
            </p>
          )}
        </div>
      </section>
      {lastRefund && (
        <p class="notice notice-ok" role="status">
          {t('refund.done', { amount: formatFen(lastRefund.amountFen) })}
        </p>
      )}
      <section class="card" aria-labelledby="payment-list-title">
        <h2 id="payment-list-title">{t('payments.listTitle', { date })}</h2>
        <Loadable
          loading={payments.loading}
          error={payments.error}
          hasData={payments.data !== undefined}
          empty={list.length === 0}
          emptyText={t('payments.none')}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('payments.time')}</th>
                <th scope="col">{t('payments.store')}</th>
                <th scope="col">{t('payments.items')}</th>
                <th scope="col" class="num">
                  {t('payments.amount')}
                </th>
                <th scope="col" class="num">
                  {t('payments.refunded')}
                </th>
                <th scope="col" class="num">
                  {t('payments.refundable')}
                </th>
                <th scope="col">{t('table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.paymentId}>
                  <th scope="row">{formatDateTime(p.createdAt, lang)}</th>
                  <td>{storeName(p.storeId)}</td>
                  <td>{itemsSummary(p, t)}</td>
                  <td class="num">
                    <Money fen={p.amountFen} />
                  </td>
                  <td class="num">
                    <Money fen={p.refundedFen} />
                  </td>
                  <td class="num">
                    <Money fen={p.amountFen - p.refundedFen} />
                  </td>
                  <td>
                    <div class="row-actions">
                      {!memberId && (
                        <button type="button" onClick={() => setFilter({ memberId: p.memberId })}>
                          {t('payments.sameMember')}
                        </button>
                      )}
                      {session.can('payment.refund') && p.amountFen > p.refundedFen && (
                        <button type="button" class="danger" onClick={() => setRefunding(p)}>
                          {t('refund.open')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Loadable>
      </section>
      <RefundDialog
        payment={refunding}
        onClose={() => setRefunding(null)}
        onRefunded={(amountFen) => {
          setRefunding(null);
          setLastRefund({ amountFen });
          payments.reload();
        }}
      />
    </>
  );
}

function itemsSummary(payment: Payment, t: (key: string, vars?: Record<string, string | number>) => string): string {
  // The payment keeps the cart's lines as they were priced; only named lines are worth showing.
  const named = payment.items.flatMap((item) => {
    const line = item as { name?: unknown; quantity?: unknown };
    return typeof line.name === 'string'
      ? [`${line.name} ×${typeof line.quantity === 'number' ? line.quantity : 1}`]
      : [];
  });
  if (named.length === 0) return t('payments.noItems');
  return named.join('，');
}

/** Full or partial refund back to the wallet; one idempotency key per opened dialog, so a double click refunds once. */
function RefundDialog(props: { payment: Payment | null; onClose(): void; onRefunded(amountFen: number): void }) {
  const { t } = useI18n();
  return (
    <Dialog open={props.payment !== null} labelId="refund-title" title={t('refund.title')} onClose={props.onClose}>
      {props.payment && (
        <RefundForm
          key={props.payment.paymentId}
          payment={props.payment}
          onClose={props.onClose}
          onRefunded={props.onRefunded}
        />
      )}
    </Dialog>
  );
}

/** Starts at the full refundable amount; any change to amount or reason is a new request with a new key. */
function RefundForm(props: { payment: Payment; onClose(): void; onRefunded(amountFen: number): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const payment = props.payment;
  const refundable = payment.amountFen - payment.refundedFen;
  const [amount, setAmount] = useState(() => (refundable / 100).toFixed(2));
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const amountFen = parseYuan(amount);
    if (amountFen === undefined || amountFen <= 0) return setInvalid(t('refund.amountInvalid'));
    if (amountFen > refundable) return setInvalid(t('refund.amountTooLarge', { refundable: formatFen(refundable) }));
    setInvalid(null);
    setBusy(true);
    setError(null);
    try {
      await api.refund(merchant.id, payment.paymentId, {
        amountFen,
        idempotencyKey: key,
        reason: reason.trim() || undefined,
      });
      props.onRefunded(amountFen);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <dl class="facts">
        <dt>{t('payments.amount')}</dt>
        <dd>{formatFen(payment.amountFen)}</dd>
        <dt>{t('payments.refunded')}</dt>
        <dd>{formatFen(payment.refundedFen)}</dd>
        <dt>{t('payments.refundable')}</dt>
        <dd>{formatFen(refundable)}</dd>
      </dl>
      <label for="refund-amount">{t('refund.amount')}</label>
      <input
        id="refund-amount"
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        aria-invalid={invalid !== null}
        aria-describedby={invalid ? 'refund-amount-error' : 'refund-amount-hint'}
        onInput={(e) => {
          setAmount(e.currentTarget.value);
          setKey(newIdempotencyKey());
        }}
      />
      <p id="refund-amount-hint" class="hint">
        {t('refund.amountHint', { refundable: formatFen(refundable) })}
      </p>
      {invalid && (
        <p id="refund-amount-error" class="field-error">
          {invalid}
        </p>
      )}
      <label for="refund-reason">{t('refund.reason')}</label>
      <textarea
        id="refund-reason"
        maxLength={200}
        rows={2}
        value={reason}
        onInput={(e) => {
          setReason(e.currentTarget.value);
          setKey(newIdempotencyKey());
        }}
      />
      <Problem error={error} />
      <div class="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('action.cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('refund.busy') : t('refund.confirm')}
        </button>
      </div>
    </form>
  );
}
