import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, formatFen, parseYuan, Spinner, useI18n, useLoad } from '@shualian/web-kit';
import type { PaymentAgreement } from '@shualian/sdk';
import { useMember } from '../member-context.ts';
import { Problem, ScreenTitle, Status } from '../screen.view.tsx';
import { useForm } from '../use-form.ts';

const yuanText = (fen: number) => (fen / 100).toFixed(2);

/** 免密: password-free face payment with its limits, and the 6-digit payment PIN that confirms anything above them. */
export function PaymentsScreen() {
  const { t } = useI18n();
  const { api } = useMember();
  const loaded = useLoad(() => api.agreement());
  const [agreement, setAgreement] = useState<PaymentAgreement>();
  useEffect(() => {
    if (loaded.data) setAgreement(loaded.data);
  }, [loaded.data]);

  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('payments.title')}</ScreenTitle>
      <Problem error={loaded.error} />
      {!agreement ? (
        loaded.loading && <Spinner label={t('app.loading')} />
      ) : (
        <>
          <PasswordFree agreement={agreement} onSaved={setAgreement} />
          <PinForm agreement={agreement} onSaved={setAgreement} />
        </>
      )}
    </main>
  );
}

function PasswordFree(props: { agreement: PaymentAgreement; onSaved(next: PaymentAgreement): void }) {
  const { t } = useI18n();
  const { api } = useMember();
  const [on, setOn] = useState(props.agreement.passwordFree);
  const [perPayment, setPerPayment] = useState(yuanText(props.agreement.perPaymentLimitFen));
  const [daily, setDaily] = useState(yuanText(props.agreement.dailyLimitFen));
  const form = useForm();
  const { invalid } = form;

  const submit = form.onSubmit(async (refuse) => {
    const perPaymentLimitFen = parseYuan(perPayment);
    const dailyLimitFen = parseYuan(daily);
    if (perPaymentLimitFen === undefined || dailyLimitFen === undefined) return refuse(t('payments.limitInvalid'));
    if (perPaymentLimitFen > dailyLimitFen) return refuse(t('payments.limitOrder'));
    if (on && !props.agreement.pinSet) return refuse(t('payments.needPin'));
    const next = await api.updateAgreement({ passwordFree: on, perPaymentLimitFen, dailyLimitFen });
    props.onSaved(next);
    setOn(next.passwordFree);
    setPerPayment(yuanText(next.perPaymentLimitFen));
    setDaily(yuanText(next.dailyLimitFen));
    return t('payments.saved', {
      state: next.passwordFree ? t('payments.on') : t('payments.off'),
      perPayment: formatFen(next.perPaymentLimitFen),
      daily: formatFen(next.dailyLimitFen),
    });
  });

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="password-free-title">
      <h2 id="password-free-title">{t('payments.passwordFree')}</h2>
      <p class="muted small">{t('payments.passwordFreeIntro')}</p>
      <p class={props.agreement.passwordFree ? 'verified' : 'muted'} data-testid="password-free-state">
        {props.agreement.passwordFree ? t('payments.on') : t('payments.off')}
      </p>
      <div class="switch-row">
        <input
          id="password-free"
          type="checkbox"
          role="switch"
          checked={on}
          onChange={(e) => setOn(e.currentTarget.checked)}
        />
        <label for="password-free">{t('payments.switch')}</label>
      </div>
      {!props.agreement.pinSet && <p class="notice notice-info">{t('payments.needPin')}</p>}
      <label for="per-payment-limit">{t('payments.perPayment')}</label>
      <input
        id="per-payment-limit"
        inputMode="decimal"
        autoComplete="off"
        value={perPayment}
        onInput={(e) => setPerPayment(e.currentTarget.value)}
        aria-invalid={invalid ? true : undefined}
      />
      <label for="daily-limit">{t('payments.daily')}</label>
      <input
        id="daily-limit"
        inputMode="decimal"
        autoComplete="off"
        value={daily}
        onInput={(e) => setDaily(e.currentTarget.value)}
        aria-invalid={invalid ? true : undefined}
      />
      {invalid && (
        <p class="field-error" role="alert">
          {invalid}
        </p>
      )}
      <Problem error={form.error} />
      <Status>{form.done}</Status>
      <button type="submit" class="primary wide" disabled={form.busy}>
        {form.busy ? t('app.saving') : t('payments.save')}
      </button>
    </form>
  );
}

function PinForm(props: { agreement: PaymentAgreement; onSaved(next: PaymentAgreement): void }) {
  const { t, lang } = useI18n();
  const { api } = useMember();
  const changing = props.agreement.pinSet;
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useForm();
  const { invalid } = form;

  const submit = form.onSubmit(async (refuse) => {
    if (changing && !/^\d{6}$/.test(current)) return refuse(t('pin.currentMissing'));
    if (!/^\d{6}$/.test(pin)) return refuse(t('pin.invalid'));
    if (pin !== confirm) return refuse(t('pin.mismatch'));
    const next = await api.setPin(pin, changing ? current : undefined);
    setCurrent('');
    setPin('');
    setConfirm('');
    props.onSaved(next);
    return changing ? t('pin.changed') : t('pin.done');
  });

  const digitsOnly = (set: (value: string) => void) => (e: { currentTarget: HTMLInputElement }) =>
    set(e.currentTarget.value.replace(/\D/g, '').slice(0, 6));
  const locked =
    props.agreement.pinLockedUntil && new Date(props.agreement.pinLockedUntil).getTime() > Date.now()
      ? props.agreement.pinLockedUntil
      : null;

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="pin-title">
      <h2 id="pin-title">{t('pin.title')}</h2>
      <p class={changing ? 'verified' : 'muted'} data-testid="pin-state">
        {changing ? t('pin.set') : t('pin.notSet')}
      </p>
      {locked && <p class="notice notice-error">{t('pin.locked', { time: formatDateTime(locked, lang) })}</p>}
      {changing && (
        <>
          <label for="pin-current">{t('pin.current')}</label>
          <input
            id="pin-current"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            maxLength={6}
            value={current}
            onInput={digitsOnly(setCurrent)}
          />
        </>
      )}
      <label for="pin-new">{t('pin.new')}</label>
      <input
        id="pin-new"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={6}
        value={pin}
        onInput={digitsOnly(setPin)}
      />
      <label for="pin-confirm">{t('pin.confirm')}</label>
      <input
        id="pin-confirm"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={6}
        value={confirm}
        onInput={digitsOnly(setConfirm)}
      />
      {invalid && (
        <p class="field-error" role="alert">
          {invalid}
        </p>
      )}
      <Problem error={form.error} />
      <Status>{form.done}</Status>
      <button type="submit" class="primary wide" disabled={form.busy}>
        {form.busy ? t('app.saving') : changing ? t('pin.submitChange') : t('pin.submitSet')}
      </button>
    </form>
  );
}
