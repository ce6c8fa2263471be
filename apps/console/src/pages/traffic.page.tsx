import { navigateTo, useI18n, useLoad, type HashRoute } from '@shualian/web-kit';
import type { StoreTraffic } from '@shualian/sdk';
import { chinaToday } from '../business-day.ts';
import { useSession } from '../session.context.tsx';
import { demographicGrid, trafficHours } from '../traffic-view.ts';
import { Loadable, PageTitle } from '../ui/page.view.tsx';

/**
 * 客流: one store's business day as the entrance saw it. Unique visitors (members by member, anonymous by visit), who
 * was in during each hour, the anonymous visitors' estimated age band and gender, time spent and members' purchases.
 * No names, no faces.
 */
export function TrafficPage(props: { route: HashRoute }) {
  const { t } = useI18n();
  const { api, merchant, stores } = useSession();
  const date = props.route.params.get('date') ?? chinaToday();
  const asked = props.route.params.get('store');
  const storeId = stores.find((s) => s.id === asked)?.id ?? stores[0]?.id ?? '';
  const report = useLoad(
    () => (storeId ? api.traffic(merchant.id, storeId, date) : Promise.resolve(undefined)),
    [api, merchant.id, storeId, date],
  );
  const go = (next: { date?: string; store?: string }) =>
    navigateTo('traffic', { date: next.date ?? date, store: next.store ?? storeId });

  return (
    <>
      <PageTitle title={t('page.traffic')} />
      <section class="card" aria-labelledby="traffic-choose-title">
        <h2 id="traffic-choose-title">{t('traffic.choose')}</h2>
        <div class="inline-form">
          {stores.length > 1 && (
            <div class="field">
              <label for="traffic-store">{t('inStore.store')}</label>
              <select id="traffic-store" value={storeId} onChange={(e) => go({ store: e.currentTarget.value })}>
                {stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label for="traffic-date">{t('traffic.date')}</label>
            <input
              id="traffic-date"
              type="date"
              value={date}
              max={chinaToday()}
              onChange={(e) => e.currentTarget.value && go({ date: e.currentTarget.value })}
            />
          </div>
          <button type="button" onClick={report.reload}>
            {t('action.refresh')}
          </button>
        </div>
        <p class="muted small">{t('traffic.intro')}</p>
      </section>
      {!storeId ? (
        <p class="empty-state">{t('inStore.noStore')}</p>
      ) : (
        <Loadable loading={report.loading} error={report.error} hasData={report.data !== undefined}>
          {report.data && <TrafficReportView report={report.data} />}
        </Loadable>
      )}
    </>
  );
}

function TrafficReportView(props: { report: StoreTraffic }) {
  const { t } = useI18n();
  const { report } = props;
  const hours = trafficHours(report.hours);
  const grid = demographicGrid(report.demographics);
  const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  return (
    <>
      <section
        class="card"
        aria-labelledby="traffic-summary-title"
        data-testid="traffic"
        data-total={report.visitors.total}
        data-members={report.visitors.members}
        data-anonymous={report.visitors.anonymous}
      >
        <h2 id="traffic-summary-title">{t('traffic.summaryTitle', { date: report.date })}</h2>
        <dl class="facts traffic-facts">
          <dt>{t('traffic.unique')}</dt>
          <dd>{report.visitors.total}</dd>
          <dt>{t('traffic.members')}</dt>
          <dd>{report.visitors.members}</dd>
          <dt>{t('traffic.anonymous')}</dt>
          <dd>{report.visitors.anonymous}</dd>
          <dt>{t('traffic.dwell')}</dt>
          <dd>
            {report.medianDwellSeconds === null
              ? t('traffic.none')
              : t('traffic.minutes', { n: Math.max(1, Math.round(report.medianDwellSeconds / 60)) })}
          </dd>
          <dt>{t('traffic.conversion')}</dt>
          <dd>
            {t('traffic.conversionOf', {
              bought: report.conversion.withPurchase,
              visits: report.conversion.memberVisits,
            })}
          </dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="traffic-hours-title">
        <h2 id="traffic-hours-title">{t('traffic.byHour')}</h2>
        {hours.length === 0 ? (
          <p class="empty-state">{t('traffic.nobody')}</p>
        ) : (
          <>
            <p class="legend muted small" aria-hidden="true">
              <span class="swatch swatch-members" /> {t('traffic.members')} <span class="swatch swatch-anonymous" />{' '}
              {t('traffic.anonymous')}
            </p>
            <table class="traffic-hours">
              <caption class="visually-hidden">{t('traffic.byHourCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('traffic.hour')}</th>
                  <th scope="col" class="num">
                    {t('traffic.members')}
                  </th>
                  <th scope="col" class="num">
                    {t('traffic.anonymous')}
                  </th>
                  <th scope="col" aria-hidden="true" class="bar-col" />
                </tr>
              </thead>
              <tbody>
                {hours.map((h) => (
                  <tr key={h.hour} data-hour={h.hour}>
                    <th scope="row">{t('traffic.hourRange', { from: hh(h.hour), to: hh((h.hour + 1) % 24) })}</th>
                    <td class="num">{h.members}</td>
                    <td class="num">{h.anonymous}</td>
                    <td aria-hidden="true" class="bar-col">
                      <span class="bar" style={{ width: `${h.share * 100}%` }}>
                        <span class="bar-members" style={{ flexGrow: h.members }} />
                        <span class="bar-anonymous" style={{ flexGrow: h.anonymous }} />
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section class="card" aria-labelledby="traffic-demographics-title">
        <h2 id="traffic-demographics-title">{t('traffic.demographics')}</h2>
        <p class="muted small">{t('traffic.demographicsIntro')}</p>
        {grid.total === 0 ? (
          <p class="empty-state">{t('traffic.noAnonymous')}</p>
        ) : (
          <table data-testid="traffic-demographics">
            <caption class="visually-hidden">{t('traffic.demographics')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('traffic.ageBand')}</th>
                {grid.genders.map((g) => (
                  <th key={g} scope="col" class="num">
                    {t(`traffic.gender.${g}`)}
                  </th>
                ))}
                <th scope="col" class="num">
                  {t('traffic.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row.ageBand}>
                  <th scope="row">{t(`traffic.age.${row.ageBand}`)}</th>
                  {row.counts.map((n, i) => (
                    <td key={grid.genders[i]} class="num">
                      {n}
                    </td>
                  ))}
                  <td class="num">{row.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('traffic.total')}</th>
                {grid.totals.map((n, i) => (
                  <td key={grid.genders[i]} class="num">
                    {n}
                  </td>
                ))}
                <td class="num">{grid.total}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>
    </>
  );
}
