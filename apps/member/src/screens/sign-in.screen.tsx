import { useEffect, useState } from 'preact/hooks';
import { ApiError, type MemberSignIn as SignInResult } from '@shualian/sdk';
import { FieldError, SubmitButton, TextField, useI18n } from '@shualian/web-kit';
import { MemberApi, publicApi } from '../member-api.ts';
import { navigate, parseRoute } from '../member-routes.ts';
import { Problem, ScreenTitle, Status } from '../screen.view.tsx';

const RESEND_SECONDS = 60;
const PHONE = /^1[3-9]\d{9}$/;

/** The digits of a mainland mobile number as people type it: spaces, dashes and a +86 prefix are fine. */
export function normalisePhone(input: string): string {
  return input.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
}

/** Phone + SMS code: registers a new phone with this merchant, or signs an existing member in. */
export function SignIn(props: { merchantCode: string; notice?: string; onSignedIn(result: SignInResult): void }) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [fieldError, setFieldError] = useState<{ field: 'phone' | 'code' | 'name'; text: string }>();

  const secondsLeft = Math.max(0, Math.ceil((resendAt - now) / 1000));
  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [secondsLeft > 0]);

  const checkPhone = (): string | undefined => {
    const digits = normalisePhone(phone);
    if (PHONE.test(digits)) return digits;
    setFieldError({ field: 'phone', text: t('signIn.phoneInvalid') });
    return undefined;
  };

  const sendCode = async () => {
    setError(undefined);
    setFieldError(undefined);
    const digits = checkPhone();
    if (!digits) return;
    setSending(true);
    try {
      await publicApi.requestOtp(props.merchantCode, digits);
      setSentTo(digits);
      setResendAt(Date.now() + RESEND_SECONDS * 1000);
      setNow(Date.now());
    } catch (failure) {
      setError(failure);
      // The server keeps 60 s between codes; a code sent from another page or device counts too.
      if (failure instanceof ApiError && failure.code === 'otp_too_soon') {
        setResendAt(Date.now() + RESEND_SECONDS * 1000);
        setNow(Date.now());
      }
    } finally {
      setSending(false);
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setFieldError(undefined);
    const digits = checkPhone();
    if (!digits) return;
    if (!/^\d{6}$/.test(code.trim())) return setFieldError({ field: 'code', text: t('signIn.codeInvalid') });
    if (displayName.trim().length > 40) return setFieldError({ field: 'name', text: t('signIn.nameTooLong') });
    setSubmitting(true);
    try {
      const result = await publicApi.register({
        merchantCode: props.merchantCode,
        phone: digits,
        code: code.trim(),
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      });
      // A deep link (a receipt from the kiosk's QR code) wins; otherwise a member without consent is offered face payment.
      const target = parseRoute(location.hash);
      if (target.name !== 'receipt') {
        const face = await new MemberApi(result.token, () => undefined).faceData().catch(() => undefined);
        navigate(face && !face.consent ? { name: 'consent' } : target);
      }
      props.onSignedIn(result);
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  const phoneInvalid =
    fieldError?.field === 'phone' ? { 'aria-invalid': true, 'aria-describedby': 'phone-hint phone-error' } : {};

  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('signIn.title')}</ScreenTitle>
      {props.notice && <p class="notice notice-info">{props.notice}</p>}
      <p class="muted">{t('signIn.intro')}</p>
      <form class="card" onSubmit={submit} noValidate>
        <label for="phone">{t('signIn.phone')}</label>
        <p class="field-hint muted" id="phone-hint">
          {t('signIn.phoneHint')}
        </p>
        <div class="inline-field">
          <input
            id="phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel-national"
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
            aria-describedby="phone-hint"
            {...phoneInvalid}
          />
          <button type="button" onClick={sendCode} disabled={sending || secondsLeft > 0}>
            {sending
              ? t('signIn.sending')
              : secondsLeft > 0
                ? t('signIn.resendIn', { seconds: secondsLeft })
                : t('signIn.sendCode')}
          </button>
        </div>
        <FieldError id="phone-error">{fieldError?.field === 'phone' ? fieldError.text : undefined}</FieldError>
        <Status>{sentTo ? t('signIn.codeSent') : undefined}</Status>
        <p class="muted small">{t('signIn.outboxHint')}</p>

        <TextField
          id="code"
          label={t('signIn.code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          pattern="\d{6}"
          placeholder={t('signIn.codeHint')}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
          error={fieldError?.field === 'code' ? fieldError.text : undefined}
        />
        <TextField
          id="display-name"
          label={t('signIn.displayName')}
          name="displayName"
          autoComplete="nickname"
          maxLength={40}
          value={displayName}
          onInput={(e) => setDisplayName(e.currentTarget.value)}
          error={fieldError?.field === 'name' ? fieldError.text : undefined}
        />

        <Problem error={error} />
        <SubmitButton busy={submitting} label={t('signIn.submit')} busyLabel={t('signIn.submitting')} />
      </form>
    </main>
  );
}
