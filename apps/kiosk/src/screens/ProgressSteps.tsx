import { useI18n } from '@shualian/web-kit';

const STEPS = ['steps.detect', 'steps.liveness', 'steps.identify', 'steps.pay'] as const;

/** 检测 → 活体验证 (screen flash or head turn) → 识别 → 支付, with the current step marked (and `done` ticking every step off). */
export function ProgressSteps(props: { current: number; done?: boolean }) {
  const { t } = useI18n();
  return (
    <ol class="progress-steps" aria-label={t('steps.label')}>
      {STEPS.map((key, i) => {
        const state = props.done || i < props.current ? 'done' : i === props.current ? 'current' : 'todo';
        return (
          <li key={key} class={`progress-step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span class="progress-dot" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span>{t(key)}</span>
          </li>
        );
      })}
    </ol>
  );
}
