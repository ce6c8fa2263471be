import { useState } from 'preact/hooks';
import { useI18n, useLoad } from '@shualian/web-kit';
import { newIdempotencyKey, type MemberSummary } from '@shualian/sdk';
import { offerInWords, rulesInWords, type CouponTemplateView } from '../offer-words.ts';
import {
  newTemplateDraft,
  readMemberIds,
  readTemplate,
  type DraftErrors,
  type TemplateDraft,
} from '../promotion-draft.ts';
import { useSession } from '../session.context.tsx';
import { Dialog, Loadable, Problem, StatusBadge } from '../ui/page.view.tsx';
import { DraftField, OfferFields } from './offer-form.view.tsx';

type Action = { kind: 'create' } | { kind: 'grant' | 'campaign'; template: CouponTemplateView };

/** 优惠券: templates with their issued and redeemed counts; create, pause and resume, give one, issue a campaign. */
export function CouponsSection() {
  const { t, lang } = useI18n();
  const { api, merchant, can } = useSession();
  const templates = useLoad(() => api.couponTemplates(merchant.id), [api, merchant.id]);
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const manage = can('promotion.manage');
  const grant = can('coupon.grant');

  async function setPaused(template: CouponTemplateView, paused: boolean) {
    setBusy(template.templateId);
    setError(null);
    try {
      await api.setCouponTemplatePaused(merchant.id, template.templateId, paused);
      templates.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const close = () => setAction(null);
  const list = templates.data ?? [];
  return (
    <section class="card" aria-labelledby="coupons-title">
      <div class="card-head">
        <h2 id="coupons-title">{t('coupons.title')}</h2>
        {manage && (
          <button type="button" class="primary" onClick={() => setAction({ kind: 'create' })}>
            {t('coupons.create')}
          </button>
        )}
      </div>
      <Problem error={error} />
      <Loadable
        loading={templates.loading}
        error={templates.error}
        hasData={templates.data !== undefined}
        empty={list.length === 0}
        emptyText={t('coupons.none')}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{t('coupons.name')}</th>
              <th scope="col">{t('promotions.offer')}</th>
              <th scope="col">{t('coupons.validity')}</th>
              <th scope="col">{t('promotions.state')}</th>
              <th scope="col" class="num">
                {t('coupons.issued')}
              </th>
              <th scope="col" class="num">
                {t('coupons.redeemed')}
              </th>
              {(manage || grant) && <th scope="col">{t('table.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((template) => (
              <tr key={template.templateId} data-testid="coupon-template-row">
                <th scope="row">
                  {template.name}
                  {template.offlineOnly && (
                    <>
                      <br />
                      <span class="hint">{t('coupons.offlineOnly')}</span>
                    </>
                  )}
                </th>
                <td>
                  {offerInWords(template.method, lang)}
                  {rulesInWords(template.rules, lang) && (
                    <>
                      <br />
                      <span class="hint">{rulesInWords(template.rules, lang)}</span>
                    </>
                  )}
                </td>
                <td>
                  {template.validity.kind === 'days'
                    ? t('coupons.validDays', { days: template.validity.days })
                    : t('coupons.validFixed', {
                        from: new Date(template.validity.from).toLocaleDateString(lang),
                        until: new Date(template.validity.until).toLocaleDateString(lang),
                      })}
                  {template.perMemberCap !== null && (
                    <>
                      <br />
                      <span class="hint">{t('coupons.cap', { n: template.perMemberCap })}</span>
                    </>
                  )}
                </td>
                <td>
                  <StatusBadge tone={template.status === 'active' ? 'ok' : 'warn'}>
                    {t(`couponStatus.${template.status}`)}
                  </StatusBadge>
                </td>
                <td class="num">{template.issued}</td>
                <td class="num">{template.redeemed}</td>
                {(manage || grant) && (
                  <td>
                    <div class="row-actions">
                      {grant && template.status === 'active' && (
                        <button
                          type="button"
                          onClick={() => setAction({ kind: 'grant', template })}
                          aria-label={t('coupons.grantOf', { name: template.name })}
                        >
                          {t('coupons.grant')}
                        </button>
                      )}
                      {manage && template.status === 'active' && (
                        <button
                          type="button"
                          onClick={() => setAction({ kind: 'campaign', template })}
                          aria-label={t('coupons.campaignOf', { name: template.name })}
                        >
                          {t('coupons.campaign')}
                        </button>
                      )}
                      {manage && (
                        <button
                          type="button"
                          disabled={busy === template.templateId}
                          onClick={() => void setPaused(template, template.status === 'active')}
                          aria-label={t(template.status === 'active' ? 'promotions.pauseOf' : 'promotions.resumeOf', {
                            name: template.name,
                          })}
                        >
                          {t(template.status === 'active' ? 'promotions.pause' : 'promotions.resume')}
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </Loadable>
      <Dialog
        open={action !== null}
        labelId="coupon-action-title"
        title={
          action === null
            ? ''
            : action.kind === 'create'
              ? t('coupons.create')
              : t(action.kind === 'grant' ? 'coupons.grantTitle' : 'coupons.campaignTitle', {
                  name: action.template.name,
                })
        }
        onClose={close}
      >
        {action?.kind === 'create' && (
          <TemplateForm
            onCancel={close}
            onDone={() => {
              close();
              templates.reload();
            }}
          />
        )}
        {action?.kind === 'grant' && (
          <GrantForm template={action.template} onCancel={close} onDone={templates.reload} />
        )}
        {action?.kind === 'campaign' && (
          <CampaignForm template={action.template} onCancel={close} onDone={templates.reload} />
        )}
      </Dialog>
    </section>
  );
}

function TemplateForm(props: { onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [draft, setDraft] = useState<TemplateDraft>(newTemplateDraft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = (patch: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: Event) {
    event.preventDefault();
    const { body, errors: found } = readTemplate(draft);
    setErrors(found);
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      await api.createCouponTemplate(merchant.id, body);
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
          id="coupon-name"
          label={t('coupons.name')}
          value={draft.name}
          error={errors.name}
          wide
          onInput={(name) => change({ name })}
        />
      </div>
      <OfferFields idPrefix="coupon" draft={draft} errors={errors} onChange={change} />
      <fieldset class="plain setting-group">
        <legend>{t('coupons.validity')}</legend>
        <div class="inline-form">
          <div class="field">
            <label for="coupon-validity-kind">{t('coupons.validityKind')}</label>
            <select
              id="coupon-validity-kind"
              value={draft.validityKind}
              onChange={(e) => change({ validityKind: e.currentTarget.value as TemplateDraft['validityKind'] })}
            >
              <option value="days">{t('coupons.validityDays')}</option>
              <option value="fixed">{t('coupons.validityFixed')}</option>
            </select>
          </div>
          {draft.validityKind === 'days' ? (
            <DraftField
              id="coupon-days"
              label={t('coupons.days')}
              inputMode="numeric"
              value={draft.days}
              error={errors.days}
              onInput={(days) => change({ days })}
            />
          ) : (
            <>
              <DraftField
                id="coupon-from"
                type="datetime-local"
                label={t('coupons.validFrom')}
                value={draft.validFrom}
                error={errors.validFrom}
                onInput={(validFrom) => change({ validFrom })}
              />
              <DraftField
                id="coupon-until"
                type="datetime-local"
                label={t('coupons.validUntil')}
                value={draft.validUntil}
                error={errors.validUntil}
                onInput={(validUntil) => change({ validUntil })}
              />
            </>
          )}
          <DraftField
            id="coupon-cap"
            label={t('coupons.perMemberCap')}
            inputMode="numeric"
            value={draft.perMemberCap}
            error={errors.perMemberCap}
            onInput={(perMemberCap) => change({ perMemberCap })}
          />
          <label class="check">
            <input
              type="checkbox"
              checked={draft.offlineOnly}
              onChange={(e) => change({ offlineOnly: e.currentTarget.checked })}
            />
            {t('coupons.offlineOnlyLabel')}
          </label>
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One coupon to one member, with the reason (audited); pressing again or retrying gives no second coupon. */
function GrantForm(props: { template: CouponTemplateView; onDone(): void; onCancel(): void }) {
  const { t, lang } = useI18n();
  const { api, merchant } = useSession();
  const [memberId, setMemberId] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const found: DraftErrors = {};
    if (!UUID.test(memberId.trim())) found.memberId = 'coupons.memberIdInvalid';
    if (!reason.trim()) found.reason = 'coupons.reasonMissing';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const coupon = await api.grantCoupon(merchant.id, props.template.templateId, {
        memberId: memberId.trim(),
        reason: reason.trim(),
        idempotencyKey: key,
      });
      setDone(t('coupons.granted', { until: new Date(coupon.validUntil).toLocaleString(lang) }));
      setMemberId('');
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
    <form onSubmit={submit} noValidate>
      <MemberFinder
        onPick={(id) => {
          setMemberId(id);
          setKey(newIdempotencyKey());
        }}
      />
      <DraftField
        id="grant-member"
        label={t('coupons.memberId')}
        hint={t('coupons.memberIdHint')}
        value={memberId}
        error={errors.memberId}
        onInput={(value) => {
          setMemberId(value);
          setKey(newIdempotencyKey());
        }}
      />
      <DraftField
        id="grant-reason"
        label={t('coupons.reason')}
        value={reason}
        error={errors.reason}
        onInput={(value) => {
          setReason(value);
          setKey(newIdempotencyKey());
        }}
      />
      <Problem error={error} />
      {done && (
        <p class="notice notice-ok" role="status">
          {done}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('action.close')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('coupons.granting') : t('coupons.grant')}
        </button>
      </div>
    </form>
  );
}

/** Finds members by the last four digits of their phone (listMembers) and fills in the one picked. */
function MemberFinder(props: { onPick(memberId: string): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [suffix, setSuffix] = useState('');
  const [found, setFound] = useState<MemberSummary[] | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function find() {
    const valid = /^\d{4}$/.test(suffix.trim());
    setInvalid(!valid);
    if (!valid) return;
    setError(null);
    try {
      setFound(await api.members(merchant.id, { phoneSuffix: suffix.trim(), limit: 20 }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <div class="member-finder">
      <div class="inline-form">
        <DraftField
          id="grant-suffix"
          label={t('coupons.findBySuffix')}
          inputMode="numeric"
          value={suffix}
          error={invalid ? 'coupons.suffixInvalid' : undefined}
          onInput={setSuffix}
        />
        <button type="button" onClick={() => void find()}>
          {t('coupons.find')}
        </button>
      </div>
      <Problem error={error} />
      {found && found.length === 0 && <p class="hint">{t('coupons.noneFound')}</p>}
      {found && found.length > 0 && (
        <fieldset class="plain">
          <legend class="visually-hidden">{t('coupons.pickMember')}</legend>
          {found.map((m) => (
            <label key={m.memberId} class="check">
              <input type="radio" name="grant-pick" onChange={() => props.onPick(m.memberId)} />
              {m.maskedPhone} {m.displayName ?? ''}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/** A coupon to each member of a pasted list; a campaign key makes sending the list twice issue nothing twice. */
function CampaignForm(props: { template: CouponTemplateView; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const [ids, setIds] = useState('');
  const [reason, setReason] = useState('');
  const [campaignKey, setCampaignKey] = useState(() => `c-${newIdempotencyKey().slice(0, 12)}`);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [invalidIds, setInvalidIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const { memberIds, invalid } = readMemberIds(ids);
    const found: DraftErrors = {};
    if (invalid.length || memberIds.length === 0) found.ids = 'coupons.idsInvalid';
    else if (memberIds.length > 1000) found.ids = 'coupons.idsTooMany';
    if (!reason.trim()) found.reason = 'coupons.reasonMissing';
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(campaignKey)) found.campaignKey = 'coupons.campaignKeyInvalid';
    setErrors(found);
    setInvalidIds(invalid);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await api.issueCouponCampaign(merchant.id, props.template.templateId, {
        campaignKey,
        memberIds,
        reason: reason.trim(),
      });
      setDone(
        t('coupons.campaignDone', {
          issued: result.issued,
          already: result.alreadyIssued.length,
          atCap: result.atCap.length,
        }),
      );
      props.onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <div class="field">
        <label for="campaign-ids">{t('coupons.memberIds')}</label>
        <textarea
          id="campaign-ids"
          rows={6}
          value={ids}
          aria-invalid={errors.ids ? true : undefined}
          aria-describedby={errors.ids ? 'campaign-ids-error' : 'campaign-ids-hint'}
          onInput={(e) => setIds(e.currentTarget.value)}
        />
        <p id="campaign-ids-hint" class="hint">
          {t('coupons.memberIdsHint')}
        </p>
        {errors.ids && (
          <p id="campaign-ids-error" class="field-error">
            {t(errors.ids, { ids: invalidIds.slice(0, 5).join('、') })}
          </p>
        )}
      </div>
      <DraftField
        id="campaign-reason"
        label={t('coupons.reason')}
        value={reason}
        error={errors.reason}
        onInput={setReason}
      />
      <DraftField
        id="campaign-key"
        label={t('coupons.campaignKey')}
        hint={t('coupons.campaignKeyHint')}
        value={campaignKey}
        error={errors.campaignKey}
        onInput={setCampaignKey}
      />
      <Problem error={error} />
      {done && (
        <p class="notice notice-ok" role="status">
          {done}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          {t('action.close')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('coupons.issuing') : t('coupons.issue')}
        </button>
      </div>
    </form>
  );
}
