import { useState } from 'preact/hooks';
import { LanguageSwitch, SubmitButton, TextField, useI18n } from '@shualian/web-kit';
import { ConsoleApi } from './api.ts';
import { PageTitle, Problem } from './ui/page.view.tsx';

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
          <TextField
            id="login-username"
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
          <TextField
            id="login-password"
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            error={missing ? t('login.missing') : undefined}
          />
          <Problem error={error} />
          <SubmitButton busy={busy} label={t('login.submit')} busyLabel={t('login.busy')} />
        </form>
      </div>
    </main>
  );
}
