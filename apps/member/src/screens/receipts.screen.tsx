import { useEffect, useState } from 'preact/hooks';
import { Fragment } from 'preact';
import { formatDateTime, formatFen, Spinner, useI18n } from '@shualian/web-kit';
import { useMember } from '../member-context.ts';
import { refundsOf, viewReceipt, type ReceiptView } from '../receipt-view.ts';
import { navigate } from '../member-routes.ts';
import { Problem, ScreenTitle } from '../screen.view.tsx';

const PAGE = 20;
/** How far back a deep link (#/receipts/<id>) looks for its receipt before saying it is not there. */
const DEEP_LINK_PAGES = 10;

interface Inbox {
  receipts: ReceiptView[];
  complete: boolean;
  loading: boolean;
  error: unknown;
}

/** The inbox, newest first, loaded a page at a time; `want` keeps loading until that receipt is found. */
function useInbox(want?: string) {
  const { api } = useMember();
  const [inbox, setInbox] = useState<Inbox>({ receipts: [], complete: false, loading: true, error: undefined });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    (async () => {
      setInbox((s) => ({ ...s, loading: true, error: undefined }));
      let receipts: ReceiptView[] = [];
      let complete = false;
      const pages = want ? DEEP_LINK_PAGES : 1;
      for (let page = 0; page < pages && !complete; page++) {
        const before = receipts.at(-1)?.createdAt;
        const batch = (await api.receipts({ limit: want ? 100 : PAGE, before })).receipts.map(viewReceipt);
        receipts = [...receipts, ...batch];
        complete = batch.length < (want ? 100 : PAGE);
        if (want && receipts.some((r) => r.id === want)) break;
      }
      if (current) setInbox({ receipts, complete, loading: false, error: undefined });
    })().catch((error: unknown) => current && setInbox((s) => ({ ...s, loading: false, error })));
    return () => {
      current = false;
    };
  }, [want, round]);

  const loadMore = async () => {
    setInbox((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const batch = (await api.receipts({ limit: PAGE, before: inbox.receipts.at(-1)?.createdAt })).receipts.map(
        viewReceipt,
      );
      setInbox((s) => ({
        receipts: [...s.receipts, ...batch],
        complete: batch.length < PAGE,
        loading: false,
        error: undefined,
      }));
    } catch (error) {
      setInbox((s) => ({ ...s, loading: false, error }));
    }
  };
  return { ...inbox, loadMore, reload: () => setRound((r) => r + 1) };
}

function receiptTitle(receipt: ReceiptView, t: (key: string) => string): string {
  return t(`receipts.kind.${receipt.kind}`);
}

export function ReceiptsScreen() {
  const { t, lang } = useI18n();
  const inbox = useInbox();
  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('receipts.title')}</ScreenTitle>
      <Problem error={inbox.error} />
      {inbox.loading && inbox.receipts.length === 0 ? (
        <Spinner label={t('app.loading')} />
      ) : inbox.receipts.length === 0 && !inbox.error ? (
        <p class="card muted" data-testid="receipts-empty">
          {t('receipts.empty')}
        </p>
      ) : (
        <ul class="list receipts" aria-label={t('receipts.title')}>
          {inbox.receipts.map((receipt) => {
            const title = receiptTitle(receipt, t);
            const date = formatDateTime(receipt.createdAt, lang);
            const amount = receipt.amountFen === null ? '' : formatFen(receipt.amountFen);
            return (
              <li key={receipt.id}>
                <a
                  class="receipt-link"
                  href={`#/receipts/${receipt.id}`}
                  aria-label={t('receipts.open', { title, date, amount })}
                >
                  <span>
                    <strong>{title}</strong>
                    <br />
                    <span class="muted small">{date}</span>
                  </span>
                  <span class={receipt.amountFen !== null && receipt.amountFen > 0 ? 'amount amount-in' : 'amount'}>
                    {receipt.amountFen !== null && receipt.amountFen > 0 ? '+' : ''}
                    {amount}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {!inbox.complete && inbox.receipts.length > 0 && (
        <button type="button" class="wide" onClick={inbox.loadMore} disabled={inbox.loading}>
          {t('receipts.loadMore')}
        </button>
      )}
    </main>
  );
}

export function ReceiptScreen(props: { receiptId: string }) {
  const { t } = useI18n();
  const inbox = useInbox(props.receiptId);
  const receipt = inbox.receipts.find((r) => r.id === props.receiptId);
  return (
    <main class="screen" id="main">
      <button type="button" class="back" onClick={() => navigate({ name: 'receipts' })}>
        <span aria-hidden="true">‹ </span>
        {t('receipts.backToList')}
      </button>
      <ScreenTitle>{receipt ? `${t('receipt.title')} · ${receiptTitle(receipt, t)}` : t('receipt.title')}</ScreenTitle>
      <Problem error={inbox.error} />
      {inbox.loading ? (
        <Spinner label={t('app.loading')} />
      ) : receipt ? (
        <ReceiptDetail receipt={receipt} all={inbox.receipts} />
      ) : (
        !inbox.error && <p class="notice notice-error">{t('receipts.notFound')}</p>
      )}
    </main>
  );
}

function ReceiptDetail(props: { receipt: ReceiptView; all: ReceiptView[] }) {
  const { t, lang } = useI18n();
  const r = props.receipt;
  const refunds = refundsOf(r, props.all);
  const original =
    r.kind === 'refund' ? props.all.find((p) => p.kind === 'payment' && p.paymentId === r.paymentId) : undefined;
  const store = r.storeName ?? (r.storeId ? t('receipt.storeId', { id: r.storeId.slice(0, 8) }) : null);
  return (
    <article class="card receipt" aria-label={t('receipt.title')}>
      <dl class="facts">
        <dt>{t('receipt.date')}</dt>
        <dd>{formatDateTime(r.createdAt, lang)}</dd>
        {store && (
          <>
            <dt>{t('receipt.store')}</dt>
            <dd>{store}</dd>
          </>
        )}
      </dl>
      {r.kind === 'payment' && (
        <>
          <h2>{t('receipt.items')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('receipt.item')}</th>
                <th scope="col" class="num">
                  {t('receipt.qty')}
                </th>
                <th scope="col" class="num">
                  {t('receipt.lineTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.items.map((item, i) => (
                <tr key={i}>
                  <td>
                    {item.name}
                    <br />
                    <span class="muted small">
                      {item.memberPriceFen !== null && item.memberPriceFen < item.unitPriceFen
                        ? t('receipt.memberPrice', {
                            price: formatFen(item.memberPriceFen),
                            was: formatFen(item.unitPriceFen),
                          })
                        : t('receipt.unitPrice', { price: formatFen(item.unitPriceFen) })}
                    </span>
                  </td>
                  <td class="num">{item.quantity}</td>
                  <td class="num">{formatFen(item.lineTotalFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl class="facts totals">
            {r.discounts.map((d, i) => (
              <Fragment key={`d${i}`}>
                <dt>{d.label}</dt>
                <dd>-{formatFen(d.offFen)}</dd>
              </Fragment>
            ))}
            {r.discounts.length === 0 && r.discountFen > 0 && (
              <>
                <dt>{t('receipt.discount')}</dt>
                <dd>-{formatFen(r.discountFen)}</dd>
              </>
            )}
            <dt>{t('receipt.total')}</dt>
            <dd class="total">{formatFen(Math.abs(r.amountFen ?? 0))}</dd>
            {r.balanceFen !== null && (
              <>
                <dt>{t('receipt.balanceAfter')}</dt>
                <dd>{formatFen(r.balanceFen)}</dd>
              </>
            )}
            {r.verification && (
              <>
                <dt>{t('receipt.verification')}</dt>
                <dd>{t(`receipt.verification.${r.verification}`)}</dd>
              </>
            )}
          </dl>
          {refunds.length > 0 && (
            <section aria-labelledby="refunds-title">
              <h2 id="refunds-title">{t('receipt.refunds')}</h2>
              <ul class="plain">
                {refunds.map((refund) => (
                  <li key={refund.id}>
                    <a href={`#/receipts/${refund.id}`}>
                      {t('receipt.refundLine', {
                        date: formatDateTime(refund.createdAt, lang),
                        amount: formatFen(refund.amountFen ?? 0),
                      })}
                    </a>
                    {refund.reason && (
                      <span class="muted"> · {t('receipt.refundReason', { reason: refund.reason })}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {r.kind === 'refund' && (
        <dl class="facts totals">
          <dt>{t('receipt.refundAmount')}</dt>
          <dd class="total">{formatFen(r.amountFen ?? 0)}</dd>
          {r.reason && (
            <>
              <dt>{t('receipt.reason')}</dt>
              <dd>{r.reason}</dd>
            </>
          )}
          {r.balanceFen !== null && (
            <>
              <dt>{t('home.balance')}</dt>
              <dd>{formatFen(r.balanceFen)}</dd>
            </>
          )}
          {original && (
            <>
              <dt>{t('receipt.refundOf')}</dt>
              <dd>
                <a href={`#/receipts/${original.id}`}>{formatDateTime(original.createdAt, lang)}</a>
              </dd>
            </>
          )}
        </dl>
      )}
      {r.kind === 'top_up' && (
        <dl class="facts totals">
          <dt>{t('receipt.topUpAmount')}</dt>
          <dd class="total">{formatFen(r.amountFen ?? 0)}</dd>
          {r.channel && (
            <>
              <dt>{t('receipt.channel')}</dt>
              <dd>{r.channel === 'test' || r.channel === 'till' ? t(`history.channel.${r.channel}`) : r.channel}</dd>
            </>
          )}
          {r.balanceFen !== null && (
            <>
              <dt>{t('home.balance')}</dt>
              <dd>{formatFen(r.balanceFen)}</dd>
            </>
          )}
        </dl>
      )}
      {r.kind === 'notice' && r.text && (
        <>
          <h2>{t('receipt.notice')}</h2>
          <p>{r.text}</p>
        </>
      )}
      <p class="muted small">{t('receipt.id', { id: r.id })}</p>
    </article>
  );
}
