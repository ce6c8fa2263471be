import { ApiError, type DeviceCredential } from '@shualian/sdk';
import { useState } from 'preact/hooks';
import { activateDevice, type CredentialStore } from './device-client.ts';
import { useI18n } from './i18n.tsx';
import { ErrorNotice, Spinner } from './ui.tsx';

/**
 * A store device's first start (or after it was revoked): trade the one-time code from the console for a key on this
 * device. The app's own messages say the words (`activate.*`); the classes fit its screen (a kiosk's big buttons).
 */
export function DeviceActivation(props: {
  appVersion: string;
  /** Where the device keeps its key; absent: the app's one slot. */
  store?: CredentialStore;
  revoked: boolean;
  mainClass: string;
  submitClass: string;
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
      props.onActivated(await activateDevice(code, props.appVersion, props.store));
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
    <main class={props.mainClass}>
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
          <button type="submit" class={props.submitClass}>
            {t('activate.submit')}
          </button>
        )}
      </form>
    </main>
  );
}
