import { useState } from 'preact/hooks';
import { newIdempotencyKey, withRetry, type Wallet } from '@shualian/sdk';
import { formatDateTime, formatFen, parseYuan, Spinner, useI18n, useLoad } from '@shualian/web-kit';
import { useMember } from '../member-context.ts';
import { navigate } from '../member-routes.ts';
import { Problem, ScreenTitle, Status } from '../screen.view.tsx';
import { useForm } from '../use-form.ts';

const QUICK_AMOUNTS_FEN = [5_000, 10_000, 20_000];

/** The wallet: balance (checked against the ledger), a test-channel top-up, and the balance history. */
export function HomeScreen() {
  const { t } = useI18n();
  const { api } = useMember();
  const wallet = useLoad(() => api.wallet());
  const me = useLoad(() => api.me());
  const face = useLoad(() => api.faceData());
  const entrance = useLoad(() => api.entranceRecognition());

  return (
    <main class="screen" id="main">
      <ScreenTitle>
        {me.data?.displayName ? t('home.hello', { name: me.data.displayName }) : t('home.title')}
      </ScreenTitle>
      {me.data && <p class="muted">{me.data.maskedPhone}</p>}
      <section class="card balance-card" aria-labelledby="balance-label">
        <h2 id="balance-label">{t('home.balance')}</h2>
        {wallet.data ? (
          <>
            <p class="balance" data-testid="balance">
              {formatFen(wallet.data.balanceFen)}
            </p>
            <p class={wallet.data.verified ? 'verified' : 'unverified'}>
              <span aria-hidden="true">{wallet.data.verified ? '✓ ' : '! '}</span>
              {wallet.data.verified ? t('home.verified') : t('home.unverified')}
            </p>
          </>
        ) : wallet.loading ? (
          <Spinner label={t('app.loading')} />
        ) : null}
        <Problem error={wallet.error} />
      </section>
      {face.data && (
        <section class="card face-card">
          {face.data.enrolled ? (
            <p>{t('home.faceOn')}</p>
          ) : (
            <>
              <p>{t('home.faceOff')}</p>
              <button
                type="button"
                class="primary wide"
                onClick={() => navigate({ name: face.data!.consent ? 'enroll' : 'consent' })}
              >
                {t('home.faceSetUp')}
              </button>
            </>
          )}
        </section>
      )}
      <a class="card coupons-link" href="#/coupons" data-testid="coupons-link">
        <strong>{t('home.coupons')}</strong>
        <br />
        <span class="muted small">{t('home.couponsHint')}</span>
      </a>
      <a class="card coupons-link" href="#/entrance" data-testid="entrance-link">
        <strong>{t('home.entrance')}</strong>
        {entrance.data && (
          <>
            <br />
            <span class="muted small">{t(entrance.data.on ? 'home.entranceOn' : 'home.entranceOff')}</span>
          </>
        )}
      </a>
      <TopUp onDone={wallet.reload} />
      {wallet.data && <History history={wallet.data.history} />}
    </main>
  );
}

function TopUp(props: { onDone(): void }) {
  const { t } = useI18n();
  const { api } = useMember();
  const [amount, setAmount] = useState('');
  // One key per intended top-up: retries after a lost answer reuse it, so the member is never charged twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const form = useForm();
  const { invalid } = form;

  const changeAmount = (text: string) => {
    setAmount(text);
    setKey(newIdempotencyKey());
    form.setInvalid(undefined);
  };

  const submit = form.onSubmit(async (refuse) => {
    const fen = parseYuan(amount);
    if (fen === undefined) return refuse(t('topUp.invalid'));
    if (fen < 1) return refuse(t('topUp.zero'));
    const result = await withRetry(() => api.topUp(fen, key));
    setAmount('');
    setKey(newIdempotencyKey());
    props.onDone();
    return t('topUp.done', { amount: formatFen(result.amountFen), balance: formatFen(result.balanceFen) });
  });

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="top-up-title">
      <h2 id="top-up-title">{t('topUp.title')}</h2>
      <p class="muted small">{t('topUp.intro')}</p>
      <div class="chips" role="group" aria-label={t('topUp.quick')}>
        {QUICK_AMOUNTS_FEN.map((fen) => (
          <button
            key={fen}
            type="button"
            aria-label={t('topUp.quickAmount', { amount: formatFen(fen) })}
            onClick={() => changeAmount(String(fen / 100))}
          >
            {formatFen(fen)}
          </button>
        ))}
      </div>
      <label for="top-up-amount">{t('topUp.amount')}</label>
      <input
        id="top-up-amount"
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onInput={(e) => changeAmount(e.currentTarget.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? 'top-up-invalid' : undefined}
      />
      {invalid && (
        <p class="field-error" id="top-up-invalid" role="alert">
          {invalid}
        </p>
      )}
      <Problem error={form.error} />
      <Status>{form.done}</Status>
      <button type="submit" class="primary wide" disabled={form.busy}>
        {form.busy ? t('topUp.working') : t('topUp.submit')}
      </button>
    </form>
  );
}

function History(props: { history: Wallet['history'] }) {
  const { t, lang } = useI18n();
  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {props.history.length === 0 ? (
        <p class="muted">{t('history.empty')}</p>
      ) : (
        <ul class="list history">
          {props.history.map((entry) => {
            const kind = ['top_up', 'payment', 'refund'].includes(entry.kind) ? entry.kind : 'other';
            const channel =
              entry.kind === 'top_up' && entry.reference?.startsWith('top_up:')
                ? entry.reference.slice('top_up:'.length)
                : undefined;
            return (
              <li key={entry.transactionId}>
                <span>
                  <strong>{t(`history.kind.${kind}`)}</strong>
                  {channel && (channel === 'test' || channel === 'till') && (
                    <span class="muted"> · {t(`history.channel.${channel}`)}</span>
                  )}
                  <br />
                  <span class="muted small">{formatDateTime(entry.at, lang)}</span>
                </span>
                <span class={entry.amountFen >= 0 ? 'amount amount-in' : 'amount'}>
                  {entry.amountFen > 0 ? '+' : ''}
                  {formatFen(entry.amountFen)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
