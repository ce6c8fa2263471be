import { useEffect, useRef, useState } from 'preact/hooks';
import { newIdempotencyKey, type MemberSummary } from '@shualian/sdk';
import {
  formatBirthday,
  formatDateTime,
  formatFen,
  readBirthday,
  useI18n,
  useLoad,
  type BirthdayValue,
} from '@shualian/web-kit';
import { useSession } from '../session.context.tsx';
import { Dialog, Loadable, Problem, ReasonField, StatusBadge } from '../ui/page.view.tsx';

/** The points ledger's movements (the loyalty module's points.service.ts); messages.spec.ts checks each has words. */
const POINTS_KINDS = ['points_earn', 'points_redeem', 'points_reverse', 'points_expire', 'points_adjust'];

/** A member's card on the member detail: number, tier and progress, stored value, points with their history. */
export function MemberLoyaltyPanel(props: { member: MemberSummary; onClose(): void }) {
  const { t, lang } = useI18n();
  const { api, merchant, can } = useSession();
  const id = props.member.memberId;
  const card = useLoad(() => api.memberCard(merchant.id, id), [api, merchant.id, id]);
  const points = useLoad(() => api.memberPoints(merchant.id, id), [api, merchant.id, id]);
  const [adjusting, setAdjusting] = useState(false);
  const [adjusted, setAdjusted] = useState<{ points: number; balance: number } | null>(null);
  const [birthday, setBirthday] = useState<BirthdayValue | null>(props.member.birthday);
  const [correcting, setCorrecting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [id]);

  return (
    <section class="card" aria-labelledby="loyalty-card-title">
      <div class="card-head">
        <h2 id="loyalty-card-title" ref={heading} tabIndex={-1}>
          {t('memberCard.title', { phone: props.member.maskedPhone })}
        </h2>
        <button type="button" onClick={props.onClose}>
          {t('action.close')}
        </button>
      </div>
      <Loadable loading={card.loading} error={card.error} hasData={card.data !== undefined}>
        {card.data && (
          <dl class="facts">
            <dt>{t('memberCard.number')}</dt>
            <dd data-testid="member-card-number">{card.data.cardNumber}</dd>
            <dt>{t('memberCard.tier')}</dt>
            <dd data-testid="member-card-tier">
              <StatusBadge tone={card.data.tier ? 'ok' : 'off'}>
                {card.data.tier?.name ?? t('memberCard.noTier')}
              </StatusBadge>
            </dd>
            <dt>{t('memberCard.progress')}</dt>
            <dd>
              {card.data.progress.next
                ? t('memberCard.toNext', {
                    tier: card.data.progress.next.name,
                    remaining:
                      card.data.progress.basis === 'spend'
                        ? formatFen(card.data.progress.next.remaining)
                        : String(card.data.progress.next.remaining),
                    basis: t(`tierBasis.${card.data.progress.basis}`),
                  })
                : t('memberCard.noNext')}
            </dd>
            <dt>{t('memberCard.storedValue')}</dt>
            <dd>
              {t('memberCard.storedValueParts', {
                total: formatFen(card.data.storedValue.totalFen),
                principal: formatFen(card.data.storedValue.principalFen),
                bonus: formatFen(card.data.storedValue.bonusFen),
              })}
            </dd>
          </dl>
        )}
      </Loadable>
      <dl class="facts">
        <dt>{t('memberBirthday.title')}</dt>
        <dd data-testid="member-birthday">
          {birthday ? formatBirthday(birthday, lang) : t('memberBirthday.none')}
          {can('member.birthday_correct') && (
            <>
              {' '}
              <button type="button" onClick={() => setCorrecting(true)}>
                {t('memberBirthday.correct')}
              </button>
            </>
          )}
        </dd>
      </dl>
      <h3>{t('memberPoints.title')}</h3>
      <Loadable loading={points.loading} error={points.error} hasData={points.data !== undefined}>
        {points.data && (
          <>
            <p class="balance" data-testid="member-points-balance">
              {t('memberPoints.balance', { points: points.data.balance })}
            </p>
            {can('loyalty.points_adjust') && (
              <button type="button" onClick={() => setAdjusting(true)}>
                {t('adjust.open')}
              </button>
            )}
            {adjusted && (
              <p class="notice notice-ok" role="status">
                {t('adjust.done', { points: adjusted.points, balance: adjusted.balance })}
              </p>
            )}
            {points.data.history.length === 0 ? (
              <p class="empty-state">{t('memberPoints.none')}</p>
            ) : (
              <table data-testid="member-points-history">
                <thead>
                  <tr>
                    <th scope="col">{t('wallet.when')}</th>
                    <th scope="col">{t('wallet.kind')}</th>
                    <th scope="col" class="num">
                      {t('memberPoints.points')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {points.data.history.map((h, i) => (
                    <tr key={`${h.at}-${i}`}>
                      <td>{formatDateTime(h.at, lang)}</td>
                      <td>
                        {h.occasion === 'birthday'
                          ? t('pointsKind.birthday')
                          : t(POINTS_KINDS.includes(h.kind) ? `pointsKind.${h.kind}` : 'pointsKind.other')}
                        {h.boost && (
                          <span class="muted">
                            {' · '}
                            {t('pointsKind.boost', { label: h.boost.label, multiplier: h.boost.multiplier })}
                          </span>
                        )}
                      </td>
                      <td class="num">
                        {h.points > 0 ? '+' : ''}
                        {h.points}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loadable>
      <Dialog open={adjusting} labelId="adjust-title" title={t('adjust.title')} onClose={() => setAdjusting(false)}>
        <AdjustPointsForm
          memberId={id}
          balance={points.data?.balance ?? 0}
          onClose={() => setAdjusting(false)}
          onDone={(result) => {
            setAdjusted(result);
            setAdjusting(false);
            points.reload();
            card.reload();
          }}
        />
      </Dialog>
      <Dialog
        open={correcting}
        labelId="birthday-title"
        title={t('memberBirthday.correctTitle')}
        onClose={() => setCorrecting(false)}
      >
        <CorrectBirthdayForm
          memberId={id}
          birthday={birthday}
          onClose={() => setCorrecting(false)}
          onDone={(now) => {
            setBirthday(now);
            setCorrecting(false);
          }}
        />
      </Dialog>
    </section>
  );
}

/**
 * Correct a member's birthday, or clear it so the member gives it again; the reason is required and audited. Members
 * give it once themselves: this is how a wrong one is put right.
 */
function CorrectBirthdayForm(props: {
  memberId: string;
  birthday: BirthdayValue | null;
  onClose(): void;
  onDone(birthday: BirthdayValue | null): void;
}) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [draft, setDraft] = useState({
    month: props.birthday ? String(props.birthday.month) : '',
    day: props.birthday ? String(props.birthday.day) : '',
    year: props.birthday?.year ? String(props.birthday.year) : '',
  });
  const [clear, setClear] = useState(false);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<'month' | 'day' | 'year' | null>(null);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const read = clear ? null : readBirthday(draft);
    setInvalid(read && 'field' in read && read.field ? read.field : null);
    setReasonMissing(!reason.trim());
    if ((read && read.field) || !reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.correctBirthday(merchant.id, props.memberId, {
        birthday: read?.birthday ?? null,
        reason: reason.trim(),
      });
      props.onDone(result.birthday);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: 'month' | 'day' | 'year', size: number) => (
    <div class="field">
      <label for={`birthday-${name}`}>{t(`memberBirthday.${name}`)}</label>
      <input
        id={`birthday-${name}`}
        inputMode="numeric"
        autoComplete="off"
        size={size}
        disabled={clear}
        value={draft[name]}
        aria-invalid={invalid === name}
        aria-describedby={invalid === name ? 'birthday-error' : undefined}
        onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
      />
    </div>
  );

  return (
    <form onSubmit={submit} noValidate>
      <p class="hint">{t('memberBirthday.hint')}</p>
      <div class="inline-form">
        {field('month', 3)}
        {field('day', 3)}
        {field('year', 5)}
      </div>
      {invalid && (
        <p id="birthday-error" class="field-error" role="alert">
          {t(`memberBirthday.invalid.${invalid}`)}
        </p>
      )}
      <label class="check">
        <input type="checkbox" checked={clear} onChange={(e) => setClear(e.currentTarget.checked)} />{' '}
        {t('memberBirthday.clear')}
      </label>
      <ReasonField
        id="birthday-reason"
        label={t('memberBirthday.reason')}
        value={reason}
        missing={reasonMissing}
        missingMessage={t('memberBirthday.reasonMissing')}
        onInput={setReason}
      />
      <Problem error={error} />
      <div class="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('action.cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('memberBirthday.busy') : t('memberBirthday.submit')}
        </button>
      </div>
    </form>
  );
}

/** Give (+) or take (−) points by hand; the reason is required and audited; one key per intended adjustment. */
function AdjustPointsForm(props: {
  memberId: string;
  balance: number;
  onClose(): void;
  onDone(result: { points: number; balance: number }): void;
}) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [pointsInvalid, setPointsInvalid] = useState(false);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const text = amount.trim().replace(/^\+/, '');
    const points = /^-?\d{1,7}$/.test(text) ? Number(text) : 0;
    setPointsInvalid(points === 0);
    setReasonMissing(!reason.trim());
    if (points === 0 || !reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.adjustPoints(merchant.id, props.memberId, {
        points,
        reason: reason.trim(),
        idempotencyKey: key,
      });
      props.onDone({ points: result.points, balance: result.balance });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <p>{t('adjust.balance', { points: props.balance })}</p>
      <label for="adjust-points">{t('adjust.points')}</label>
      <input
        id="adjust-points"
        inputMode="numeric"
        autoComplete="off"
        value={amount}
        aria-invalid={pointsInvalid}
        aria-describedby={pointsInvalid ? 'adjust-points-hint adjust-points-error' : 'adjust-points-hint'}
        onInput={(e) => {
          setAmount(e.currentTarget.value);
          setKey(newIdempotencyKey());
        }}
      />
      <p id="adjust-points-hint" class="hint">
        {t('adjust.pointsHint')}
      </p>
      {pointsInvalid && (
        <p id="adjust-points-error" class="field-error" role="alert">
          {t('adjust.pointsInvalid')}
        </p>
      )}
      <ReasonField
        id="adjust-reason"
        label={t('adjust.reason')}
        value={reason}
        missing={reasonMissing}
        missingMessage={t('adjust.reasonMissing')}
        onInput={(value) => {
          setReason(value);
          setKey(newIdempotencyKey());
        }}
      />
      <Problem error={error} />
      <div class="dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t('action.cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('adjust.busy') : t('adjust.submit')}
        </button>
      </div>
    </form>
  );
}
