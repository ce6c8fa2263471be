import { useI18n } from '@shualian/web-kit';

const STEPS = ['steps.detect', 'steps.liveness', 'steps.identify', 'steps.pay'] as const;

/**
 * 检测 → 活体验证 (screen flash or head turn) → 识别 → 支付, with the current step marked (and `done` ticking every step
 * off). 检测 is ticked only when the on-device detector saw a face (`detected`); passed without it, it shows a dash.
 */
export function ProgressSteps(props: { current: number; done?: boolean; detected?: boolean }) {
  const { t } = useI18n();
  return (
    <ol class="progress-steps" aria-label={t('steps.label')}>
      {STEPS.map((key, i) => {
        const passed = props.done || i < props.current;
        const state =
          passed && (i > 0 || props.detected)
            ? 'done'
            : passed
              ? 'unchecked'
              : i === props.current
                ? 'current'
                : 'todo';
        return (
          <li key={key} class={`progress-step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span class="progress-dot" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'unchecked' ? '–' : i + 1}
            </span>
            <span>{t(key)}</span>
          </li>
        );
      })}
    </ol>
  );
}
