import { useI18n } from '@shualian/web-kit';
import { useEffect, useRef } from 'preact/hooks';
import { reasonKey } from '../messages.ts';

export interface Declined {
  code: string;
  /** Extra words for the reason (a camera error's message). */
  detail?: string;
  /** false when the payment's outcome is not known: the screen must not promise nothing was charged. */
  notCharged: boolean;
}

/** Why the payment did not happen, in words, and the two ways on: try again, or back to the basket. */
export function DeclinedScreen(props: { declined: Declined; onRetry: () => void; onBack: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const key = reasonKey(props.declined.code);
  return (
    <section class="result declined" aria-labelledby="declined-title" data-declined-reason={props.declined.code}>
      <div class="result-icon bad" aria-hidden="true">
        !
      </div>
      <h1 id="declined-title" ref={heading} tabIndex={-1}>
        {t('declined.title')}
      </h1>
      <p class="declined-reason" role="alert">
        {key ? t(key, { message: props.declined.detail ?? '' }) : t('reason.unknown', { code: props.declined.code })}
      </p>
      {props.declined.notCharged && <p>{t('declined.notCharged')}</p>}
      <div class="result-actions">
        {props.declined.notCharged && (
          <button type="button" class="primary huge" onClick={props.onRetry}>
            {t('declined.retry')}
          </button>
        )}
        <button type="button" class="big" onClick={props.onBack}>
          {t('declined.back')}
        </button>
      </div>
    </section>
  );
}
