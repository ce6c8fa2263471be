import { ApiError, type DeviceCredential } from '@shualian/sdk';
import { activateDevice, ErrorNotice, Spinner, useI18n, type CredentialStore } from '@shualian/web-kit';
import { useState } from 'preact/hooks';
import { APP_VERSION } from '../version.ts';

/** First start (or after the camera was revoked): trade the one-time code from the console for a key on this device. */
export function ActivationScreen(props: {
  store: CredentialStore;
  revoked: boolean;
  onActivated: (credential: DeviceCredential) => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(props.revoked ? 'activate.revoked' : null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (!code.trim()) return setProblem('activate.empty');
    setProblem(null);
    setBusy(true);
    try {
      props.onActivated(await activateDevice(code, APP_VERSION, props.store));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'activation_code_expired') setProblem('activate.expired');
      else if (e instanceof ApiError && (e.code === 'activation_code_invalid' || e.status === 400))
        setProblem('activate.invalid');
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="entrance-main">
      <form class="card activation-card" onSubmit={submit} noValidate>
        <h1>{t('activate.title')}</h1>
        <p>{t('activate.intro')}</p>
        <label for="activation-code">{t('activate.codeLabel')}</label>
        <input
          id="activation-code"
          class="activation-input"
          value={code}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={problem ? 'activation-problem' : undefined}
          aria-invalid={problem ? true : undefined}
          onInput={(e) => setCode((e.target as HTMLInputElement).value)}
        />
        {problem && (
          <p id="activation-problem" class="notice notice-error" role="alert">
            {t(problem)}
          </p>
        )}
        <ErrorNotice error={error} />
        {busy ? (
          <Spinner label={t('activate.working')} />
        ) : (
          <button type="submit" class="primary">
            {t('activate.submit')}
          </button>
        )}
      </form>
    </main>
  );
}
