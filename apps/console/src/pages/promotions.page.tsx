import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, formatFen, useI18n, useLoad } from '@shualian/web-kit';
import { offerInWords, rulesInWords, stateTone, type PromotionView } from '../offer-words.ts';
import {
  newPromotionDraft,
  promotionDraftOf,
  readPromotion,
  type DraftErrors,
  type PromotionDraft,
} from '../promotion-draft.ts';
import { useSession } from '../session.context.tsx';
import { Dialog, Loadable, PageTitle, Problem, StatusBadge } from '../ui/page.view.tsx';
import { CouponsSection } from './coupons.view.tsx';
import { DraftField, OfferFields } from './offer-form.view.tsx';
import { PromotionSettingsSection } from './promotion-settings.view.tsx';

/** Usage and budgets move with every payment: the list reads them again this often while it is open. */
const LIVE_MS = 15_000;

/** 促销与优惠券: promotions with their live usage, the coupon templates, and the welcome coupon and 刷脸红包. */
export function PromotionsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('page.promotions')} />
      <PromotionsSection />
      <CouponsSection />
      <PromotionSettingsSection />
    </>
  );
}

function PromotionsSection() {
  const { t, lang } = useI18n();
  const { api, merchant, can } = useSession();
  const promotions = useLoad(() => api.promotions(merchant.id), [api, merchant.id]);
  const [editing, setEditing] = useState<PromotionView | 'new' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const manage = can('promotion.manage');

  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && promotions.reload(), LIVE_MS);
    return () => clearInterval(timer);
  }, [promotions.reload]);

  async function setPaused(p: PromotionView, paused: boolean) {
    setBusy(p.promotionId);
    setError(null);
    try {
      await api.setPromotionPaused(merchant.id, p.promotionId, paused);
      promotions.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const list = promotions.data ?? [];
  return (
    <section class="card" aria-labelledby="promotions-title">
      <div class="card-head">
        <h2 id="promotions-title">{t('promotions.title')}</h2>
        {manage && (
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('promotions.create')}
          </button>
        )}
      </div>
      <Problem error={error} />
      <Loadable
        loading={promotions.loading}
        error={promotions.error}
        hasData={promotions.data !== undefined}
        empty={list.length === 0}
        emptyText={t('promotions.none')}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{t('promotions.name')}</th>
              <th scope="col">{t('promotions.offer')}</th>
              <th scope="col">{t('promotions.state')}</th>
              <th scope="col">{t('promotions.when')}</th>
              <th scope="col">{t('promotions.usage')}</th>
              <th scope="col">{t('promotions.limits')}</th>
              {manage && <th scope="col">{t('table.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.promotionId} data-testid="promotion-row">
                <th scope="row">
                  {p.name}
                  <br />
                  <span class="hint">{t(`promoStacking.${p.stacking}`)}</span>
                </th>
                <td>
                  {offerInWords(p.method, lang)}
                  {rulesInWords(p.rules, lang) && (
                    <>
                      <br />
                      <span class="hint">{rulesInWords(p.rules, lang)}</span>
                    </>
                  )}
                </td>
                <td>
                  <StatusBadge tone={stateTone(p.state)}>{t(`promoState.${p.state}`)}</StatusBadge>
                </td>
                <td>
                  {formatDateTime(p.startsAt, lang)}
                  <br />
                  {p.endsAt ? t('promotions.until', { at: formatDateTime(p.endsAt, lang) }) : t('promotions.noEnd')}
                </td>
                <td>
                  {t('promotions.uses', { uses: p.uses, discount: formatFen(p.discountFen) })}
                  {p.budget && (
                    <>
                      <br />
                      {p.budget.kind === 'fen'
                        ? t('promotions.budgetFen', {
                            used: formatFen(p.budget.used),
                            limit: formatFen(p.budget.limit),
                          })
                        : t('promotions.budgetUses', { used: p.budget.used, limit: p.budget.limit })}
                    </>
                  )}
                </td>
                <td>
                  <LimitsCell p={p} />
                </td>
                {manage && (
                  <td>
                    <div class="row-actions">
                      <button
                        type="button"
                        onClick={() => setEditing(p)}
                        aria-label={t('promotions.editOf', { name: p.name })}
                      >
                        {t('promotions.edit')}
                      </button>
                      <button
                        type="button"
                        disabled={busy === p.promotionId}
                        onClick={() => void setPaused(p, p.status === 'active')}
                        aria-label={t(p.status === 'active' ? 'promotions.pauseOf' : 'promotions.resumeOf', {
                          name: p.name,
                        })}
                      >
                        {t(p.status === 'active' ? 'promotions.pause' : 'promotions.resume')}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Loadable>
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('promotions.create') : t('promotions.edit')}
        labelId="promotion-form-title"
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <PromotionForm
            promotion={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              promotions.reload();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </section>
  );
}

function LimitsCell(props: { p: PromotionView }) {
  const { t } = useI18n();
  const { p } = props;
  const lines = [
    p.dailyLimit !== null && t('promotions.dailyLimit', { n: p.dailyLimit }),
    p.perMemberLimit !== null && t('promotions.perMemberLimit', { n: p.perMemberLimit }),
    p.perMemberDailyLimit !== null && t('promotions.perMemberDailyLimit', { n: p.perMemberDailyLimit }),
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return <>{t('promotions.noLimits')}</>;
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {line}
        </span>
      ))}
    </>
  );
}

/** Create a promotion, or change one (carts priced from then on see the change). */
function PromotionForm(props: { promotion: PromotionView | null; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [draft, setDraft] = useState<PromotionDraft>(() =>
    props.promotion ? promotionDraftOf(props.promotion) : newPromotionDraft(),
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = (patch: Partial<PromotionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: Event) {
    event.preventDefault();
    const { body, errors: found } = readPromotion(draft);
    setErrors(found);
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      if (props.promotion) await api.updatePromotion(merchant.id, props.promotion.promotionId, body);
      else await api.createPromotion(merchant.id, body);
      props.onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate class="promotion-form">
      <div class="inline-form">
        <DraftField
          id="promo-name"
          label={t('promoForm.name')}
          value={draft.name}
          error={errors.name}
          wide
          onInput={(name) => change({ name })}
        />
      </div>
      <OfferFields idPrefix="promo" draft={draft} errors={errors} onChange={change} />
      <fieldset class="plain setting-group">
        <legend>{t('promoForm.scheduleAndLimits')}</legend>
        <div class="inline-form">
          <DraftField
            id="promo-starts"
            type="datetime-local"
            label={t('promoForm.startsAt')}
            value={draft.startsAt}
            error={errors.startsAt}
            onInput={(startsAt) => change({ startsAt })}
          />
          <DraftField
            id="promo-ends"
            type="datetime-local"
            label={t('promoForm.endsAt')}
            hint={t('promoForm.endsAtHint')}
            value={draft.endsAt}
            error={errors.endsAt}
            onInput={(endsAt) => change({ endsAt })}
          />
          <div class="field">
            <label for="promo-budget-kind">{t('promoForm.budgetKind')}</label>
            <select
              id="promo-budget-kind"
              value={draft.budgetKind}
              onChange={(e) => change({ budgetKind: e.currentTarget.value as PromotionDraft['budgetKind'] })}
            >
              <option value="">{t('promoForm.budgetNone')}</option>
              <option value="fen">{t('promoForm.budgetFen')}</option>
              <option value="uses">{t('promoForm.budgetUses')}</option>
            </select>
          </div>
          {draft.budgetKind && (
            <DraftField
              id="promo-budget"
              label={t(draft.budgetKind === 'fen' ? 'promoForm.budgetLimitFen' : 'promoForm.budgetLimitUses')}
              inputMode={draft.budgetKind === 'fen' ? 'decimal' : 'numeric'}
              value={draft.budgetLimit}
              error={errors.budgetLimit}
              onInput={(budgetLimit) => change({ budgetLimit })}
            />
          )}
          <DraftField
            id="promo-daily"
            label={t('promoForm.dailyLimit')}
            inputMode="numeric"
            value={draft.dailyLimit}
            error={errors.dailyLimit}
            onInput={(dailyLimit) => change({ dailyLimit })}
          />
          <DraftField
            id="promo-per-member"
            label={t('promoForm.perMemberLimit')}
            inputMode="numeric"
            value={draft.perMemberLimit}
            error={errors.perMemberLimit}
            onInput={(perMemberLimit) => change({ perMemberLimit })}
          />
          <DraftField
            id="promo-per-member-daily"
            label={t('promoForm.perMemberDailyLimit')}
            inputMode="numeric"
            value={draft.perMemberDailyLimit}
            error={errors.perMemberDailyLimit}
            onInput={(perMemberDailyLimit) => change({ perMemberDailyLimit })}
          />
        </div>
      </fieldset>
      {Object.keys(errors).length > 0 && (
        <p class="notice notice-error" role="alert">
          {t('promoForm.fixErrors')}
        </p>
      )}
      <Problem error={error} />
      <div class="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('action.cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('promoForm.saving') : t('promoForm.save')}
        </button>
      </div>
    </form>
  );
}
