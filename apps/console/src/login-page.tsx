import { useState } from 'preact/hooks';
import { LanguageSwitch, useI18n } from '@shualian/web-kit';
import { ConsoleApi } from './api.ts';
import { PageTitle, Problem } from './ui/parts.tsx';

/** Staff sign-in with username and password; the token is handed to the session. */
export function LoginPage(props: { expired: boolean; onSignedIn(token: string): void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const name = username.trim();
    setMissing(!name || !password);
    if (!name || !password) return;
    setBusy(true);
    setError(null);
    try {
      const { token } = await ConsoleApi.login(name, password);
      props.onSignedIn(token);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <div class="card login-card">
        <div class="login-head">
          <PageTitle title={t('app.title')} />
          <LanguageSwitch />
        </div>
        <p class="muted">{t('login.intro')}</p>
        {props.expired && (
          <p class="notice notice-info" role="status">
            {t('login.expired')}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <label for="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
          <label for="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          {missing && (
            <p class="field-error" role="alert">
              {t('login.missing')}
            </p>
          )}
          <Problem error={error} />
          <button type="submit" class="primary wide" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
