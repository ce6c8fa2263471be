import { useState } from 'preact/hooks';
import { formatDateTime, Spinner, useI18n, useLoad } from '@shualian/web-kit';
import { consentParagraphs, entranceState } from '../entrance-view.ts';
import { useMember } from '../member-context.ts';
import { navigate } from '../member-routes.ts';
import { Problem, ScreenTitle, Status } from '../screen.view.tsx';

/**
 * 进店识别: the separate, versioned consent to be recognised at the store entrance. Off until the member turns it on;
 * the switch records consent to the exact text shown above it (its version and hash), and turning it off takes effect
 * at once. Says when it cannot work: without face data the entrance only counts the member anonymously.
 */
export function EntranceScreen() {
  const { t, lang } = useI18n();
  const { api } = useMember();
  const status = useLoad(() => api.entranceRecognition());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  const data = status.data;
  const turn = async (on: boolean) => {
    if (!data) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      if (on) await api.turnEntranceOn(data.document);
      else await api.turnEntranceOff();
      setDone(t(on ? 'entrance.turnedOn' : 'entrance.turnedOff'));
      status.reload();
    } catch (failure) {
      setError(failure);
      // A text that changed while the member read it: show the new one.
      status.reload();
    } finally {
      setBusy(false);
    }
  };

  if (!data) {
    return (
      <main class="screen" id="main">
        <ScreenTitle>{t('entrance.title')}</ScreenTitle>
        {status.loading ? <Spinner label={t('app.loading')} /> : <Problem error={status.error} />}
      </main>
    );
  }

  const state = entranceState(data);
  const { heading, paragraphs } = consentParagraphs(lang === 'en' ? data.document.en : data.document.zh);
  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('entrance.title')}</ScreenTitle>
      <p>{t('entrance.intro')}</p>
      <section class="card" aria-labelledby="entrance-switch-label" data-testid="entrance" data-state={state}>
        <p class={data.on ? 'verified' : 'muted'} data-testid="entrance-state">
          {data.on && data.grantedAt
            ? t('entrance.stateOn', { version: data.version ?? '', date: formatDateTime(data.grantedAt, lang) })
            : t('entrance.stateOff')}
        </p>
        <div class="switch-row">
          <input
            id="entrance-switch"
            type="checkbox"
            role="switch"
            checked={data.on}
            disabled={busy}
            aria-describedby="entrance-switch-hint"
            onChange={(e) => void turn(e.currentTarget.checked)}
          />
          <label for="entrance-switch" id="entrance-switch-label">
            {t('entrance.switch')}
          </label>
        </div>
        <p class="muted small" id="entrance-switch-hint">
          {t(data.on ? 'entrance.offHint' : 'entrance.onHint')}
        </p>
        {!data.faceEnrolled && (
          <div class="notice notice-warn" data-testid="entrance-no-face">
            <p>{t(data.on ? 'entrance.noFaceOn' : 'entrance.noFace')}</p>
            <button type="button" class="wide" onClick={() => navigate({ name: 'face' })}>
              {t('entrance.toFace')}
            </button>
          </div>
        )}
        {state === 'outdated' && (
          <div class="notice notice-info">
            <p>{t('entrance.outdated', { old: data.version ?? '', version: data.document.version })}</p>
            <button type="button" class="primary wide" disabled={busy} onClick={() => void turn(true)}>
              {t('entrance.agreeNew')}
            </button>
          </div>
        )}
        <Problem error={error} />
        <Status>{done}</Status>
      </section>
      <article class="card consent-text" aria-labelledby="entrance-consent-heading" tabIndex={0}>
        <h2 id="entrance-consent-heading">{heading}</h2>
        {paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p class="muted small">
          {t('entrance.meta', { version: data.document.version, minutes: data.document.visitWindowMinutes })}
        </p>
      </article>
    </main>
  );
}
