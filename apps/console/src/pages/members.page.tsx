import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime, formatFen, hashFor, parseYuan, useI18n, useLoad } from '@shualian/web-kit';
import { newIdempotencyKey, type MemberSummary } from '@shualian/sdk';
import { useSession } from '../session.context.tsx';
import { Loadable, Money, PageTitle, Problem, StatusBadge } from '../ui/page.view.tsx';
import { MemberLoyaltyPanel } from './member-loyalty.view.tsx';

/** Members found by the last four digits of their phone: masked phone, consent and enrollment; never a face image. */
export function MembersPage() {
  const { t, lang } = useI18n();
  const { api, merchant } = useSession();
  const [suffixInput, setSuffixInput] = useState('');
  const [suffix, setSuffix] = useState<string | undefined>(undefined);
  const [suffixInvalid, setSuffixInvalid] = useState(false);
  const [selected, setSelected] = useState<MemberSummary | null>(null);
  const [loyaltyOf, setLoyaltyOf] = useState<MemberSummary | null>(null);
  const members = useLoad(
    () => api.members(merchant.id, { phoneSuffix: suffix, limit: 50 }),
    [api, merchant.id, suffix],
  );

  function search(event: Event) {
    event.preventDefault();
    const value = suffixInput.trim();
    const valid = value === '' || /^\d{4}$/.test(value);
    setSuffixInvalid(!valid);
    if (!valid) return;
    setSelected(null);
    setLoyaltyOf(null);
    setSuffix(value || undefined);
  }

  const list = members.data ?? [];
  return (
    <>
      <PageTitle title={t('page.members')} />
      <section class="card" aria-labelledby="member-search-title">
        <h2 id="member-search-title">{t('members.search')}</h2>
        <form class="inline-form" onSubmit={search} role="search" noValidate>
          <div class="field">
            <label for="phone-suffix">{t('members.suffix')}</label>
            <input
              id="phone-suffix"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              value={suffixInput}
              aria-invalid={suffixInvalid}
              aria-describedby={suffixInvalid ? 'phone-suffix-hint phone-suffix-error' : 'phone-suffix-hint'}
              onInput={(e) => setSuffixInput(e.currentTarget.value)}
            />
            <p id="phone-suffix-hint" class="hint">
              {t('members.suffixHint')}
            </p>
            {suffixInvalid && (
              <p id="phone-suffix-error" class="field-error">
                {t('members.suffixInvalid')}
              </p>
            )}
          </div>
          <button type="submit" class="primary">
            {t('members.find')}
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="member-results-title">
        <h2 id="member-results-title">{suffix ? t('members.resultsFor', { suffix }) : t('members.recent')}</h2>
        <div aria-live="polite">
          <Loadable
            loading={members.loading}
            error={members.error}
            hasData={members.data !== undefined}
            empty={list.length === 0}
            emptyText={suffix ? t('members.noneFor', { suffix }) : t('members.none')}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('members.phone')}</th>
                  <th scope="col">{t('members.name')}</th>
                  <th scope="col">{t('members.consent')}</th>
                  <th scope="col">{t('members.enrolled')}</th>
                  <th scope="col">{t('members.joined')}</th>
                  <th scope="col">{t('table.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((m) => (
                  <tr key={m.memberId}>
                    <th scope="row">{m.maskedPhone}</th>
                    <td>{m.displayName ?? '—'}</td>
                    <td>
                      <StatusBadge tone={m.consent ? 'ok' : 'off'}>
                        {t(m.consent ? 'members.consentGiven' : 'members.consentNone')}
                      </StatusBadge>
                    </td>
                    <td>
                      <StatusBadge tone={m.enrolled ? 'ok' : 'off'}>
                        {t(m.enrolled ? 'members.enrolledYes' : 'members.enrolledNo')}
                      </StatusBadge>
                    </td>
                    <td>{formatDateTime(m.createdAt, lang)}</td>
                    <td>
                      <div class="row-actions">
                        <button
                          type="button"
                          onClick={() => setSelected(m)}
                          aria-label={t('members.walletOf', { phone: m.maskedPhone })}
                        >
                          {t('members.wallet')}
                        </button>
                        <button
                          type="button"
                          onClick={() => setLoyaltyOf(m)}
                          aria-label={t('members.cardOf', { phone: m.maskedPhone })}
                        >
                          {t('members.card')}
                        </button>
                        <a
                          class="button"
                          href={hashFor('payments', { memberId: m.memberId })}
                          aria-label={t('members.paymentsOf', { phone: m.maskedPhone })}
                        >
                          {t('members.payments')}
                        </a>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Loadable>
        </div>
      </section>
      {selected && <WalletPanel member={selected} onClose={() => setSelected(null)} />}
      {loyaltyOf && (
        <MemberLoyaltyPanel key={loyaltyOf.memberId} member={loyaltyOf} onClose={() => setLoyaltyOf(null)} />
      )}
    </>
  );
}

function WalletPanel(props: { member: MemberSummary; onClose(): void }) {
  const { t, lang } = useI18n();
  const { api, merchant, can } = useSession();
  const wallet = useLoad(
    () => api.wallet(merchant.id, props.member.memberId),
    [api, merchant.id, props.member.memberId],
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel opens below the list: take the reader (and keyboard focus) to it.
  useEffect(() => heading.current?.focus(), [props.member.memberId]);

  return (
    <section class="card" aria-labelledby="wallet-title">
      <div class="card-head">
        <h2 id="wallet-title" ref={heading} tabIndex={-1}>
          {t('wallet.title', { phone: props.member.maskedPhone })}
        </h2>
        <button type="button" onClick={props.onClose}>
          {t('action.close')}
        </button>
      </div>
      <Loadable loading={wallet.loading} error={wallet.error} hasData={wallet.data !== undefined}>
        {wallet.data && (
          <>
            <p class="balance">
              {t('wallet.balance')} <Money fen={wallet.data.balanceFen} />
            </p>
            <p>
              <StatusBadge tone={wallet.data.verified ? 'ok' : 'error'}>
                {t(wallet.data.verified ? 'wallet.verified' : 'wallet.unverified')}
              </StatusBadge>
            </p>
            {can('wallet.top_up') && <TopUpForm memberId={props.member.memberId} onDone={wallet.reload} />}
            <h3>{t('wallet.history')}</h3>
            {wallet.data.history.length === 0 ? (
              <p class="empty-state">{t('wallet.noHistory')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('wallet.when')}</th>
                    <th scope="col">{t('wallet.kind')}</th>
                    <th scope="col" class="num">
                      {t('wallet.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {wallet.data.history.map((h) => (
                    <tr key={h.transactionId}>
                      <td>{formatDateTime(h.at, lang)}</td>
                      <td>{t(`ledgerKind.${h.kind}`)}</td>
                      <td class="num">{formatFen(h.amountFen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loadable>
    </section>
  );
}

/** Cash or card taken at the till, credited once however often the button is pressed or the call is retried. */
function TopUpForm(props: { memberId: string; onDone(): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [invalid, setInvalid] = useState(false);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ amountFen: number; balanceFen: number } | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const amountFen = parseYuan(amount);
    const valid = amountFen !== undefined && amountFen > 0;
    setInvalid(!valid);
    setReasonMissing(!reason.trim());
    if (!valid || !reason.trim()) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await api.topUp(merchant.id, props.memberId, {
        amountFen,
        idempotencyKey: key,
        reason: reason.trim(),
      });
      setDone(result);
      setAmount('');
      setReason('');
      setKey(newIdempotencyKey());
      props.onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="inline-form" onSubmit={submit} noValidate aria-labelledby="top-up-title">
      <h3 id="top-up-title" class="form-title">
        {t('topUp.title')}
      </h3>
      <div class="field">
        <label for="top-up-amount">{t('topUp.amount')}</label>
        <input
          id="top-up-amount"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'top-up-error' : 'top-up-hint'}
          onInput={(e) => {
            setAmount(e.currentTarget.value);
            setKey(newIdempotencyKey());
          }}
        />
        <p id="top-up-hint" class="hint">
          {t('topUp.hint')}
        </p>
        {invalid && (
          <p id="top-up-error" class="field-error">
            {t('topUp.invalid')}
          </p>
        )}
      </div>
      <div class="field">
        <label for="top-up-reason">{t('topUp.reason')}</label>
        <input
          id="top-up-reason"
          autoComplete="off"
          maxLength={200}
          value={reason}
          aria-invalid={reasonMissing}
          aria-describedby={reasonMissing ? 'top-up-reason-error' : undefined}
          onInput={(e) => {
            setReason(e.currentTarget.value);
            setKey(newIdempotencyKey());
          }}
        />
        {reasonMissing && (
          <p id="top-up-reason-error" class="field-error">
            {t('topUp.reasonMissing')}
          </p>
        )}
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('topUp.busy') : t('topUp.submit')}
      </button>
      <Problem error={error} />
      {done && (
        <p class="notice notice-ok" role="status">
          {t('topUp.done', { amount: formatFen(done.amountFen), balance: formatFen(done.balanceFen) })}
        </p>
      )}
    </form>
  );
}
