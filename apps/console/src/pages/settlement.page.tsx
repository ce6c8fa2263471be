import { navigateTo, useI18n, useLoad, type HashRoute } from '@shualian/web-kit';
import { chinaToday, formatChinaTime } from '../business-day.ts';
import { useSession } from '../session.context.tsx';
import { Loadable, Money, PageTitle, StatusBadge } from '../ui/page.view.tsx';

/** One business day's takings per store, top-ups, and whether the ledger's cached balances agree with its entries. */
export function SettlementPage(props: { route: HashRoute }) {
  const { t, lang } = useI18n();
  const { api, merchant, stores, storeName } = useSession();
  const date = props.route.params.get('date') ?? chinaToday();
  const report = useLoad(() => api.settlement(merchant.id, date), [api, merchant.id, date]);
  const data = report.data;
  // Every store in reach gets a row, a quiet one with zeros: the report lists only stores that took money.
  const rows = data
    ? [
        ...stores.map(
          (store) =>
            data.stores.find((s) => s.storeId === store.id) ?? {
              storeId: store.id,
              paymentCount: 0,
              grossFen: 0,
              refundCount: 0,
              refundedFen: 0,
              netFen: 0,
            },
        ),
        ...data.stores.filter((s) => !stores.some((store) => store.id === s.storeId)),
      ]
    : [];

  return (
    <>
      <PageTitle title={t('page.settlement')} />
      <section class="card" aria-labelledby="settlement-day-title">
        <h2 id="settlement-day-title">{t('settlement.choose')}</h2>
        <div class="inline-form">
          <div class="field">
            <label for="settlement-date">{t('settlement.date')}</label>
            <input
              id="settlement-date"
              type="date"
              value={date}
              max={chinaToday()}
              onChange={(e) => e.currentTarget.value && navigateTo('settlement', { date: e.currentTarget.value })}
            />
          </div>
          <button type="button" onClick={report.reload}>
            {t('action.refresh')}
          </button>
        </div>
      </section>
      <Loadable loading={report.loading} error={report.error} hasData={data !== undefined}>
        {data && (
          <>
            <section class="card" aria-labelledby="ledger-check-title">
              <h2 id="ledger-check-title">{t('settlement.ledgerCheck')}</h2>
              <p data-testid="ledger-check">
                <StatusBadge tone={data.ledgerConsistent ? 'ok' : 'error'}>
                  {t(data.ledgerConsistent ? 'settlement.consistent' : 'settlement.inconsistent')}
                </StatusBadge>
              </p>
              <p class="muted">
                {t(data.ledgerConsistent ? 'settlement.consistentHelp' : 'settlement.inconsistentHelp')}
              </p>
              <p class="muted">
                {t('settlement.window', { from: formatChinaTime(data.from, lang), to: formatChinaTime(data.to, lang) })}
              </p>
            </section>
            <section class="card" aria-labelledby="settlement-stores-title">
              <h2 id="settlement-stores-title">{t('settlement.title', { date: data.date })}</h2>
              {data.stores.length === 0 && <p class="empty-state">{t('settlement.noPayments')}</p>}
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('settlement.store')}</th>
                    <th scope="col" class="num">
                      {t('settlement.payments')}
                    </th>
                    <th scope="col" class="num">
                      {t('settlement.gross')}
                    </th>
                    <th scope="col" class="num">
                      {t('settlement.refunds')}
                    </th>
                    <th scope="col" class="num">
                      {t('settlement.refunded')}
                    </th>
                    <th scope="col" class="num">
                      {t('settlement.net')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.storeId}>
                      <th scope="row">{storeName(s.storeId)}</th>
                      <td class="num">{s.paymentCount}</td>
                      <td class="num">
                        <Money fen={s.grossFen} />
                      </td>
                      <td class="num">{s.refundCount}</td>
                      <td class="num">
                        <Money fen={s.refundedFen} />
                      </td>
                      <td class="num">
                        <Money fen={s.netFen} />
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('settlement.total')}</th>
                    <td class="num">{data.stores.reduce((n, s) => n + s.paymentCount, 0)}</td>
                    <td class="num">
                      <Money fen={data.grossFen} />
                    </td>
                    <td class="num">{data.stores.reduce((n, s) => n + s.refundCount, 0)}</td>
                    <td class="num">
                      <Money fen={data.refundedFen} />
                    </td>
                    <td class="num">
                      <Money fen={data.netFen} />
                    </td>
                  </tr>
                </tfoot>
              </table>
              <h3>{t('settlement.topUps')}</h3>
              <dl class="facts">
                <dt>{t('settlement.topUpCount')}</dt>
                <dd>{data.topUpCount}</dd>
                <dt>{t('settlement.topUpAmount')}</dt>
                <dd>
                  <Money fen={data.topUpFen} />
                </dd>
              </dl>
            </section>
          </>
        )}
      </Loadable>
    </>
  );
}
