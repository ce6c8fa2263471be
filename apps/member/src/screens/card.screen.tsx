import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResponseOf } from '@shualian/sdk';
import {
  daysInMonth,
  formatBirthday,
  formatDateTime,
  formatFen,
  readBirthday,
  Spinner,
  useI18n,
  useLoad,
  type BirthdayValue,
} from '@shualian/web-kit';
import { useMember } from '../member-context.ts';
import { MemberCardFace, type MemberCard } from '../member-card.view.tsx';
import { MIN_REFRESH_MS, refreshDelayMs } from '../qr-refresh.ts';
import { Problem, ScreenTitle, Status } from '../screen.view.tsx';
import { useForm } from '../use-form.ts';

type Translate = ReturnType<typeof useI18n>['t'];
type Points = ResponseOf<'getMyPoints'>;
type Plan = ResponseOf<'listMyStoredValuePlans'>['plans'][number];
type TierChange = ResponseOf<'getMyTierHistory'>['changes'][number];

/** The points ledger's movements (points.service.ts); messages.spec.ts checks each has words. */
const POINTS_KINDS = ['points_earn', 'points_redeem', 'points_reverse', 'points_expire', 'points_adjust'];

/**
 * 会员卡 (the member's own area): the card with its QR code (fetched again before the signed code expires), the tier
 * and what is left to the next one, the member's birthday (given once here; the tier's birthday gift comes on it),
 * points with their history, stored value (principal and bonus) and the plans the counter sells.
 */
export function CardScreen() {
  const { t } = useI18n();
  const { api } = useMember();
  const card = useLoad(async () => ({ card: await api.card(), receivedAt: Date.now() }));
  const points = useLoad(() => api.points());
  const plans = useLoad(() => api.storedValuePlans());
  const tierChanges = useLoad(() => api.tierHistory());
  const me = useLoad(() => api.me());
  useQrRefresh(card.data, card.reload);

  return (
    <main class="screen" id="main">
      <ScreenTitle>{t('card.screenTitle')}</ScreenTitle>
      {card.data ? (
        <>
          <MemberCardFace card={card.data.card} onRefresh={card.reload} refreshing={card.loading} />
          <Problem error={card.error} />
          <TierProgress card={card.data.card} changes={tierChanges.data?.changes} />
          <StoredValue card={card.data.card} />
        </>
      ) : card.loading ? (
        <Spinner label={t('app.loading')} />
      ) : (
        <>
          <Problem error={card.error} />
          <button type="button" class="wide" onClick={card.reload}>
            {t('app.retry')}
          </button>
        </>
      )}
      {me.data ? <MyBirthday birthday={me.data.birthday} onSet={me.reload} /> : <Problem error={me.error} />}
      <PointsHistory points={points.data} loading={points.loading} error={points.error} />
      <Plans plans={plans.data?.plans} loading={plans.loading} error={plans.error} />
    </main>
  );
}

/** The signed code scans for a minute: fetch the card again before then, and at once when the app comes back. */
function useQrRefresh(loaded: { card: MemberCard; receivedAt: number } | undefined, reload: () => void) {
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(() => reloadRef.current(), refreshDelayMs(loaded.card, loaded.receivedAt));
    const onVisible = () => {
      if (document.visibilityState === 'visible' && refreshDelayMs(loaded.card, loaded.receivedAt) <= MIN_REFRESH_MS)
        reloadRef.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [loaded]);
}

/** "再消费 ¥X 升级金卡" in the unit the programme measures tiers by. */
export function progressText(progress: MemberCard['progress'], t: Translate): string | undefined {
  const next = progress.next;
  if (!next) return undefined;
  const amount = progress.basis === 'spend' ? formatFen(next.remaining) : String(next.remaining);
  return t(`card.progress.${progress.basis}`, { amount, tier: next.name });
}

function TierProgress(props: { card: MemberCard; changes?: TierChange[] }) {
  const { t, lang } = useI18n();
  const { tier, progress } = props.card;
  const text = progressText(progress, t);
  const latest = props.changes?.[0];
  return (
    <section class="card" aria-labelledby="tier-title">
      <h2 id="tier-title">{t('card.tierTitle')}</h2>
      {tier ? (
        <ul class="benefits">
          <li>{t('card.currentTier', { tier: tier.name })}</li>
          {tier.discountPercent > 0 && (
            <li>
              {t('card.discount', {
                zhe: String((100 - tier.discountPercent) / 10),
                percent: tier.discountPercent,
              })}
            </li>
          )}
          {tier.pointsMultiplierPercent !== 100 && (
            <li>{t('card.multiplier', { times: String(tier.pointsMultiplierPercent / 100) })}</li>
          )}
        </ul>
      ) : (
        !progress.next && <p class="muted">{t('card.noTiers')}</p>
      )}
      {text ? (
        <>
          <p class="progress-text" data-testid="tier-progress">
            {text}
          </p>
          <progress
            max={progress.next!.threshold}
            value={Math.min(progress.measure, progress.next!.threshold)}
            aria-label={t('card.progressLabel', { tier: progress.next!.name })}
          />
          <p class="muted small">{t('card.window', { days: progress.windowDays })}</p>
        </>
      ) : (
        tier && <p class="verified">{t('card.topTier')}</p>
      )}
      {latest && (
        <p class="muted small">
          {t(latest.toRank > latest.fromRank ? 'card.changedUp' : 'card.changedDown', {
            tier: latest.toTier ?? t('card.noTier'),
            date: formatDateTime(latest.at, lang),
          })}
        </p>
      )}
    </section>
  );
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * 我的生日: shown once given; otherwise a form to give it (month and day, the year if the member likes). It is given
 * once: afterwards only the store corrects it, so the form says so before it is sent.
 */
function MyBirthday(props: { birthday: BirthdayValue | null; onSet(): void }) {
  const { t, lang } = useI18n();
  const { api } = useMember();
  const [draft, setDraft] = useState({ month: '', day: '', year: '' });
  const form = useForm();
  const { invalid } = form;

  const submit = form.onSubmit(async (refuse) => {
    const read = readBirthday(draft);
    if (read.field) return refuse(t(`birthday.invalid.${read.field}`));
    const member = await api.setBirthday(read.birthday);
    props.onSet();
    return t('birthday.saved', { birthday: member.birthday ? formatBirthday(member.birthday, lang) : '' });
  });

  if (props.birthday)
    return (
      <section class="card" aria-labelledby="birthday-title">
        <h2 id="birthday-title">{t('birthday.title')}</h2>
        <p class="balance" data-testid="my-birthday">
          {formatBirthday(props.birthday, lang)}
        </p>
        <Status>{form.done}</Status>
        <p class="muted small">{t('birthday.giftHint')}</p>
        <p class="muted small">{t('birthday.fixedHint')}</p>
      </section>
    );

  const month = Number(draft.month) || 0;
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="birthday-title">
      <h2 id="birthday-title">{t('birthday.title')}</h2>
      <p class="muted small">{t('birthday.intro')}</p>
      <>
        <label for="birthday-month">{t('birthday.month')}</label>
        <select
          id="birthday-month"
          value={draft.month}
          onChange={(e) => setDraft({ ...draft, month: e.currentTarget.value })}
        >
          <option value="">{t('birthday.choose')}</option>
          {MONTHS.map((m) => (
            <option key={m} value={String(m)}>
              {t('birthday.monthName', { month: m })}
            </option>
          ))}
        </select>
        <label for="birthday-day">{t('birthday.day')}</label>
        <select
          id="birthday-day"
          value={draft.day}
          onChange={(e) => setDraft({ ...draft, day: e.currentTarget.value })}
        >
          <option value="">{t('birthday.choose')}</option>
          {Array.from({ length: month ? daysInMonth(month) : 31 }, (_, i) => i + 1).map((d) => (
            <option key={d} value={String(d)}>
              {t('birthday.dayName', { day: d })}
            </option>
          ))}
        </select>
        <label for="birthday-year">{t('birthday.year')}</label>
        <input
          id="birthday-year"
          inputMode="numeric"
          autoComplete="bday-year"
          maxLength={4}
          value={draft.year}
          onInput={(e) => setDraft({ ...draft, year: e.currentTarget.value })}
        />
      </>
      {invalid && (
        <p class="field-error" role="alert">
          {invalid}
        </p>
      )}
      <p class="notice notice-warn">{t('birthday.once')}</p>
      <Problem error={form.error} />
      <button type="submit" class="primary wide" disabled={form.busy}>
        {form.busy ? t('birthday.saving') : t('birthday.submit')}
      </button>
    </form>
  );
}

function StoredValue(props: { card: MemberCard }) {
  const { t } = useI18n();
  const value = props.card.storedValue;
  return (
    <section class="card" aria-labelledby="stored-value-title">
      <h2 id="stored-value-title">{t('card.storedValue')}</h2>
      <p class="balance" data-testid="stored-value-total">
        {formatFen(value.totalFen)}
      </p>
      <dl class="pairs">
        <dt>{t('card.principal')}</dt>
        <dd data-testid="stored-value-principal">{formatFen(value.principalFen)}</dd>
        <dt>{t('card.bonus')}</dt>
        <dd data-testid="stored-value-bonus">{formatFen(value.bonusFen)}</dd>
      </dl>
      <p class="muted small">{t('card.storedValueHint')}</p>
    </section>
  );
}

function PointsHistory(props: { points?: Points; loading: boolean; error: unknown }) {
  const { t, lang } = useI18n();
  const { points } = props;
  return (
    <section class="card" aria-labelledby="points-title">
      <h2 id="points-title">{t('points.title')}</h2>
      <Problem error={props.error} />
      {!points ? (
        props.loading && <Spinner label={t('app.loading')} />
      ) : (
        <>
          <p class="balance" data-testid="points-balance">
            {t('points.balance', { points: points.balance })}
          </p>
          {points.shortfall > 0 && <p class="muted small">{t('points.shortfall', { points: points.shortfall })}</p>}
          {points.history.length === 0 ? (
            <p class="muted">{t('points.empty')}</p>
          ) : (
            <ul class="list history" data-testid="points-history">
              {points.history.map((entry, i) => (
                <li key={`${entry.at}-${i}`}>
                  <span>
                    <strong>
                      {entry.occasion === 'birthday'
                        ? t('points.kind.birthday')
                        : t(POINTS_KINDS.includes(entry.kind) ? `points.kind.${entry.kind}` : 'points.kind.other')}
                    </strong>
                    {entry.boost && (
                      <>
                        <br />
                        <span class="small" data-testid="points-boost">
                          {t('points.boost', { label: entry.boost.label, multiplier: entry.boost.multiplier })}
                        </span>
                      </>
                    )}
                    <br />
                    <span class="muted small">{formatDateTime(entry.at, lang)}</span>
                  </span>
                  <span class={entry.points >= 0 ? 'amount amount-in' : 'amount'}>
                    {entry.points > 0 ? '+' : ''}
                    {entry.points}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Plans(props: { plans?: Plan[]; loading: boolean; error: unknown }) {
  const { t, lang } = useI18n();
  return (
    <section class="card" aria-labelledby="plans-title">
      <h2 id="plans-title">{t('plans.title')}</h2>
      <p class="muted small">{t('plans.intro')}</p>
      <Problem error={props.error} />
      {!props.plans ? (
        props.loading && <Spinner label={t('app.loading')} />
      ) : props.plans.length === 0 ? (
        <p class="muted">{t('plans.empty')}</p>
      ) : (
        <ul class="list plans" data-testid="plans">
          {props.plans.map((plan) => (
            <li key={plan.planId}>
              <span>
                <strong>{plan.name}</strong>
                <br />
                <span class="small">
                  {plan.bonusFen > 0
                    ? t('plans.offer', { price: formatFen(plan.priceFen), bonus: formatFen(plan.bonusFen) })
                    : t('plans.offerNoBonus', { price: formatFen(plan.priceFen) })}
                </span>
                <br />
                <span class="muted small">
                  {t('plans.until', { date: formatDateTime(plan.validUntil, lang), limit: plan.perMemberLimit })}
                </span>
              </span>
              <span class="plan-where">{t('plans.atCounter')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
