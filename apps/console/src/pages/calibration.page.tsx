import { useState } from 'preact/hooks';
import { formatDateTime, useI18n, useLoad } from '@shualian/web-kit';
import type { CaptureLabel, LivenessCalibration } from '@shualian/sdk';
import { CAPTURE_LABELS } from '../api.ts';
import { useSession } from '../session.context.tsx';
import { Loadable, PageTitle, Problem, StatusBadge } from '../ui/page.view.tsx';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/**
 * Liveness calibration: a technician opens a labelled capture at a kiosk, the people taking part having agreed to the
 * text shown, and reads the pass rates by kind once the kiosk has recorded attempts.
 */
export function CalibrationPage() {
  const { t, lang } = useI18n();
  const { api, merchant } = useSession();
  const report = useLoad(() => api.livenessCalibration(merchant.id), [api, merchant.id]);
  const devices = useLoad(() => api.devices(merchant.id), [api, merchant.id]);
  const kiosks = (devices.data ?? []).filter((d) => d.kind === 'kiosk' && d.status === 'active');
  const kioskName = new Map((devices.data ?? []).map((d) => [d.id, d.name]));
  const refresh = report.reload;

  return (
    <>
      <PageTitle title={t('page.calibration')} />
      <p class="muted">{t('calibration.intro')}</p>
      <Loadable loading={report.loading} error={report.error} hasData={report.data !== undefined}>
        {report.data && (
          <>
            <StartCapture
              report={report.data}
              kiosks={kiosks}
              consentText={lang === 'en' ? report.data.consent.text.en : report.data.consent.text.zh}
              onStarted={refresh}
            />
            <Captures report={report.data} kioskName={kioskName} onChanged={refresh} />
            <PassRates report={report.data} />
          </>
        )}
      </Loadable>
    </>
  );
}

function StartCapture(props: {
  report: LivenessCalibration;
  kiosks: Array<{ id: string; name: string }>;
  consentText: string;
  onStarted(): void;
}) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [deviceId, setDeviceId] = useState('');
  const [label, setLabel] = useState<CaptureLabel>('live');
  const [note, setNote] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState(false);
  const chosen = deviceId || props.kiosks[0]?.id || '';

  async function start(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStarted(false);
    try {
      await api.startLivenessCapture(merchant.id, {
        deviceId: chosen,
        label,
        note: note.trim() || undefined,
        consentVersion: props.report.consent.version,
      });
      setStarted(true);
      setAgreed(false);
      props.onStarted();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="calibration-start-title">
      <h2 id="calibration-start-title">{t('calibration.startTitle')}</h2>
      <h3>{t('calibration.consentTitle', { version: props.report.consent.version })}</h3>
      <pre class="consent-text">{props.consentText}</pre>
      {props.kiosks.length === 0 ? (
        <p class="muted">{t('calibration.noKiosk')}</p>
      ) : (
        <form class="inline-form" onSubmit={(e) => void start(e)}>
          <div class="field">
            <label for="calibration-kiosk">{t('calibration.kiosk')}</label>
            <select id="calibration-kiosk" value={chosen} onChange={(e) => setDeviceId(e.currentTarget.value)}>
              {props.kiosks.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="calibration-label">{t('calibration.label')}</label>
            <select
              id="calibration-label"
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value as CaptureLabel)}
            >
              {CAPTURE_LABELS.map((l) => (
                <option key={l} value={l}>
                  {t(`calibrationLabel.${l}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="calibration-note">{t('calibration.note')}</label>
            <input id="calibration-note" maxLength={200} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <label class="checkbox">
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.currentTarget.checked)} />
            {t('calibration.consentGiven')}
          </label>
          <button type="submit" class="primary" disabled={!agreed || busy || !chosen}>
            {t('calibration.start')}
          </button>
        </form>
      )}
      {started && <p role="status">{t('calibration.started')}</p>}
      {error !== null && <Problem error={error} />}
    </section>
  );
}

function Captures(props: { report: LivenessCalibration; kioskName: Map<string, string>; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { api, merchant } = useSession();
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      props.onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section class="card" aria-labelledby="calibration-captures-title">
      <h2 id="calibration-captures-title">{t('calibration.capturesTitle')}</h2>
      {props.report.captures.length === 0 ? (
        <p class="muted">{t('calibration.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('calibration.label')}</th>
              <th scope="col">{t('calibration.kiosk')}</th>
              <th scope="col">{t('calibration.startedAt')}</th>
              <th scope="col">{t('calibration.endedAt')}</th>
              <th scope="col" class="num">
                {t('calibration.attempts')}
              </th>
              <th scope="col" class="num">
                {t('calibration.passed')}
              </th>
              <th scope="col">
                <span class="visually-hidden">{t('calibration.end')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.report.captures.map((c) => (
              <tr key={c.captureId}>
                <td>
                  {t(`calibrationLabel.${c.label}`)}
                  {c.note && <span class="hint-inline">{c.note}</span>}
                </td>
                <td>{props.kioskName.get(c.deviceId) ?? c.deviceId.slice(0, 8)}</td>
                <td>{formatDateTime(c.startedAt, lang)}</td>
                <td>
                  {c.endedAt ? (
                    formatDateTime(c.endedAt, lang)
                  ) : (
                    <StatusBadge tone="warn">{t('calibration.open')}</StatusBadge>
                  )}
                </td>
                <td class="num">{c.attempts}</td>
                <td class="num">{c.passed}</td>
                <td>
                  {!c.endedAt && (
                    <button
                      type="button"
                      onClick={() => void act(() => api.endLivenessCapture(merchant.id, c.captureId))}
                    >
                      {t('calibration.end')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="danger"
                    onClick={() =>
                      confirm(t('calibration.deleteConfirm')) &&
                      void act(() => api.deleteLivenessCapture(merchant.id, c.captureId))
                    }
                  >
                    {t('calibration.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error !== null && <Problem error={error} />}
    </section>
  );
}

function PassRates(props: { report: LivenessCalibration }) {
  const { t } = useI18n();
  const { labels, configured } = props.report;
  return (
    <section class="card" aria-labelledby="calibration-rates-title">
      <h2 id="calibration-rates-title">{t('calibration.reportTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('calibration.label')}</th>
            <th scope="col" class="num">
              {t('calibration.attempts')}
            </th>
            <th scope="col" class="num">
              {t('calibration.passed')}
            </th>
            <th scope="col" class="num">
              {t('calibration.errorRate')}
            </th>
            <th scope="col" class="num">
              {t('calibration.chance')}
            </th>
            <th scope="col" class="num">
              {t('calibration.antispoof')}
            </th>
          </tr>
        </thead>
        <tbody>
          {labels.map((l) => (
            <tr key={l.label}>
              <th scope="row">{t(`calibrationLabel.${l.label}`)}</th>
              <td class="num">{l.attempts}</td>
              <td class="num">{l.passed}</td>
              <td class="num">
                {percent(l.errorRate)}
                <span class="hint-inline">
                  {t(l.label === 'live' ? 'calibration.errorLive' : 'calibration.errorAttack')}
                </span>
              </td>
              <td class="num">
                {l.log10ChanceInStep
                  ? [l.log10ChanceInStep.min, l.log10ChanceInStep.median, l.log10ChanceInStep.max]
                      .map((v) => v.toFixed(1))
                      .join(' / ')
                  : '—'}
              </td>
              <td class="num">{l.antispoofMedian === null ? '—' : l.antispoofMedian.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('calibration.bar', { bar: Math.log10(configured.maxChanceInStep).toFixed(0) })}</p>
    </section>
  );
}
