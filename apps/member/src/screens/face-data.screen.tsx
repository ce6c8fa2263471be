import { useState } from 'preact/hooks';
import { formatDateTime, Spinner, useI18n, useLoad } from '@shualian/web-kit';
import { useMember } from '../member-context.ts';
import { navigate } from '../member-routes.ts';
import { ConfirmDialog, Problem, ScreenTitle, Status } from '../screen.view.tsx';

type Asking = 'delete' | 'withdraw' | null;

/** 我的人脸数据: everything stored about the member's face, and the two ways to make it go away. */
export function FaceDataScreen() {
  const { t, lang } = useI18n();
  const { api } = useMember();
  const face = useLoad(() => api.faceData());
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  const act = async () => {
    const action = asking;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const deleted = action === 'withdraw' ? await api.withdrawConsent() : await api.deleteFaceData();
      const vars = { templates: deleted.templatesDeleted, images: deleted.imagesDeleted };
      setDone(action === 'withdraw' ? t('face.withdrawn', vars) : t('face.deleted', vars));
      face.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  const data = face.data;
  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('face.title')}</ScreenTitle>
      <p class="muted">{t('face.intro')}</p>
      <Status>{done}</Status>
      <Problem error={error ?? face.error} />
      {!data ? (
        face.loading && <Spinner label={t('app.loading')} />
      ) : (
        <>
          <section class="card">
            <dl class="facts" data-testid="face-facts">
              <dt>{t('face.status')}</dt>
              <dd data-testid="face-status">{data.enrolled ? t('face.enrolled') : t('face.notEnrolled')}</dd>
              <dt>{t('face.templates')}</dt>
              <dd>{data.templateCount > 0 ? t('face.templatesCount', { n: data.templateCount }) : t('face.none')}</dd>
              <dt>{t('face.model')}</dt>
              <dd>{data.model ?? t('face.none')}</dd>
              <dt>{t('face.enrolledAt')}</dt>
              <dd>{data.enrolledAt ? formatDateTime(data.enrolledAt, lang) : t('face.none')}</dd>
              <dt>{t('face.rawImages')}</dt>
              <dd>
                {data.rawImagesKept > 0 ? t('face.rawImagesKept', { n: data.rawImagesKept }) : t('face.rawImagesNone')}
              </dd>
              <dt>{t('face.consent')}</dt>
              <dd data-testid="consent-status">
                {data.consent
                  ? t('face.consentGiven', {
                      version: data.consent.version,
                      date: formatDateTime(data.consent.grantedAt, lang),
                    })
                  : t('face.consentNone')}
              </dd>
            </dl>
          </section>
          <div class="stack">
            {!data.consent ? (
              <button type="button" class="primary wide" onClick={() => navigate({ name: 'consent' })}>
                {t('face.setUp')}
              </button>
            ) : (
              <button
                type="button"
                class={data.enrolled ? 'wide' : 'primary wide'}
                onClick={() => navigate({ name: 'enroll' })}
              >
                {data.enrolled ? t('face.reEnroll') : t('face.enroll')}
              </button>
            )}
            {data.enrolled && (
              <button type="button" class="danger wide" onClick={() => setAsking('delete')}>
                {t('face.delete')}
              </button>
            )}
            <button type="button" class="wide" onClick={() => navigate({ name: 'entrance' })}>
              {t('face.entranceLink')}
            </button>
            {data.consent && (
              <button type="button" class="danger wide" onClick={() => setAsking('withdraw')}>
                {t('face.withdraw')}
              </button>
            )}
          </div>
        </>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking === 'withdraw' ? t('face.withdrawTitle') : t('face.deleteTitle')}
        body={asking === 'withdraw' ? t('face.withdrawBody') : t('face.deleteBody')}
        confirmLabel={asking === 'withdraw' ? t('face.withdrawConfirm') : t('face.deleteConfirm')}
        busy={busy}
        onConfirm={act}
        onCancel={() => setAsking(null)}
      />
    </main>
  );
}
