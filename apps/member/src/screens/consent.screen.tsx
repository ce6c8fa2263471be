import { useState } from 'preact/hooks';
import { formatDateTime, Spinner, useI18n, useLoad } from '@shualian/web-kit';
import { useMember } from '../member-context.ts';
import { navigate } from '../member-routes.ts';
import { Problem, ScreenTitle } from '../screen.view.tsx';

/** The full biometric consent text, an unticked box, and an explicit "agree": nothing biometric happens before it. */
export function ConsentScreen() {
  const { t, lang } = useI18n();
  const { api, consentDocument } = useMember();
  const face = useLoad(() => api.faceData());
  const [ticked, setTicked] = useState(false);
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState<unknown>();
  const [mustTick, setMustTick] = useState(false);

  const text = lang === 'en' ? consentDocument.en : consentDocument.zh;
  const [heading, ...paragraphs] = text.split('\n');
  const current = face.data?.consent?.version === consentDocument.version ? face.data.consent : null;

  const accept = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (!ticked) return setMustTick(true);
    setRecording(true);
    try {
      await api.recordConsent(consentDocument);
      navigate({ name: 'enroll' });
    } catch (failure) {
      setError(failure);
      setRecording(false);
    }
  };

  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('consent.title')}</ScreenTitle>
      <p>{t('consent.intro')}</p>
      <article class="card consent-text" aria-labelledby="consent-heading" tabIndex={0}>
        <h2 id="consent-heading">{heading}</h2>
        {paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p class="muted small">
          {t(consentDocument.rawImagesKept ? 'consent.metaKept' : 'consent.meta', {
            version: consentDocument.version,
            days: consentDocument.retentionDays,
          })}
        </p>
      </article>
      {face.loading && !face.data ? (
        <Spinner label={t('app.loading')} />
      ) : current ? (
        <div class="card">
          <p class="notice notice-ok">{t('consent.already', { date: formatDateTime(current.grantedAt, lang) })}</p>
          <button type="button" class="primary wide" onClick={() => navigate({ name: 'enroll' })}>
            {t('consent.continue')}
          </button>
        </div>
      ) : (
        <form class="card" onSubmit={accept} noValidate>
          <div class="checkbox-row">
            <input
              id="consent-agree"
              type="checkbox"
              checked={ticked}
              onChange={(e) => {
                setTicked(e.currentTarget.checked);
                setMustTick(false);
              }}
              aria-describedby={mustTick ? 'consent-must-tick' : undefined}
            />
            <label for="consent-agree">{t('consent.checkbox')}</label>
          </div>
          {mustTick && (
            <p class="field-error" id="consent-must-tick" role="alert">
              {t('consent.mustTick')}
            </p>
          )}
          <Problem error={error ?? face.error} />
          <div class="actions">
            <button type="button" onClick={() => navigate({ name: 'home' })}>
              {t('consent.decline')}
            </button>
            <button type="submit" class="primary" disabled={recording}>
              {recording ? t('consent.recording') : t('consent.accept')}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
