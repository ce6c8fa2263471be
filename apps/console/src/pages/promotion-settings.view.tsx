import { useState } from 'preact/hooks';
import { formatFen, parseYuan, useI18n, useLoad } from '@shualian/web-kit';
import type { ResponseOf } from '@shualian/sdk';
import { offerInWords } from '../offer-words.ts';
import type { DraftErrors } from '../promotion-draft.ts';
import { useSession } from '../session.context.tsx';
import { Loadable, Problem } from '../ui/page.view.tsx';
import { DraftField } from './offer-form.view.tsx';

type Settings = ResponseOf<'getPromotionSettings'>;
type Templates = ResponseOf<'listCouponTemplates'>['templates'];

/** The welcome coupon for new members, the 刷脸红包 after face payments, and whether refunds give coupons back. */
export function PromotionSettingsSection() {
  const { t } = useI18n();
  const { api, merchant } = useSession();
  const loaded = useLoad(
    async () =>
      Promise.all([api.promotionSettings(merchant.id), api.couponTemplates(merchant.id)]).then(
        ([settings, templates]) => ({ settings, templates }),
      ),
    [api, merchant.id],
  );
  return (
    <section class="card" aria-labelledby="promotion-settings-title">
      <h2 id="promotion-settings-title">{t('promoSettings.title')}</h2>
      <Loadable loading={loaded.loading} error={loaded.error} hasData={loaded.data !== undefined}>
        {loaded.data && (
          <SettingsForm settings={loaded.data.settings} templates={loaded.data.templates} onSaved={loaded.reload} />
        )}
      </Loadable>
    </section>
  );
}

function SettingsForm(props: { settings: Settings; templates: Templates; onSaved(): void }) {
  const { t, lang } = useI18n();
  const { api, merchant, can } = useSession();
  const manage = can('promotion.manage');
  const { settings } = props;
  const [restore, setRestore] = useState(settings.restoreCouponsOnRefund);
  const [welcome, setWelcome] = useState(settings.welcomeTemplateId ?? '');
  const [packetTemplate, setPacketTemplate] = useState(settings.redPacket?.templateId ?? '');
  const fen = (n: number | undefined) => (n === undefined ? '' : (n / 100).toFixed(2));
  const [minYuan, setMin] = useState(fen(settings.redPacket?.minFen));
  const [maxYuan, setMax] = useState(fen(settings.redPacket?.maxFen));
  const [budgetYuan, setBudget] = useState(fen(settings.redPacket?.budgetFen));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  // Active templates, and the ones chosen now even when paused (so that saving keeps them rather than clearing them).
  const offered = (chosen: string | undefined) =>
    props.templates.filter((tpl) => tpl.status === 'active' || tpl.templateId === chosen);
  const active = offered(settings.welcomeTemplateId ?? undefined);
  // A 刷脸红包 is money off the order: only such templates can carry one.
  const packetTemplates = offered(settings.redPacket?.templateId).filter(
    (tpl) => tpl.method.type === 'fixed_off' && tpl.method.target === 'order',
  );
  const option = (tpl: Templates[number]) => (
    <option key={tpl.templateId} value={tpl.templateId}>
      {tpl.name}（{offerInWords(tpl.method, lang)}）
    </option>
  );

  async function submit(event: Event) {
    event.preventDefault();
    const found: DraftErrors = {};
    let redPacket: { templateId: string; minFen: number; maxFen: number; budgetFen: number } | null = null;
    if (packetTemplate) {
      const minFen = parseYuan(minYuan);
      const maxFen = parseYuan(maxYuan);
      const budgetFen = parseYuan(budgetYuan);
      if (!minFen) found.min = 'promoForm.error.amount';
      if (!maxFen) found.max = 'promoForm.error.amount';
      else if (minFen && maxFen < minFen) found.max = 'promoSettings.maxBelowMin';
      if (budgetFen === undefined) found.budget = 'promoForm.error.amountOrZero';
      if (minFen && maxFen && budgetFen !== undefined)
        redPacket = { templateId: packetTemplate, minFen, maxFen, budgetFen };
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api.updatePromotionSettings(merchant.id, {
        restoreCouponsOnRefund: restore,
        welcomeTemplateId: welcome || null,
        redPacket,
      });
      setSaved(true);
      props.onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <fieldset class="plain" disabled={!manage}>
        <div class="inline-form">
          <div class="field field-wide">
            <label for="welcome-template">{t('promoSettings.welcome')}</label>
            <select id="welcome-template" value={welcome} onChange={(e) => setWelcome(e.currentTarget.value)}>
              <option value="">{t('promoSettings.none')}</option>
              {active.map(option)}
            </select>
            <p class="hint">{t('promoSettings.welcomeHint')}</p>
          </div>
        </div>
        <fieldset class="plain setting-group">
          <legend>{t('promoSettings.redPacket')}</legend>
          <p class="hint">{t('promoSettings.redPacketHint')}</p>
          <div class="inline-form">
            <div class="field field-wide">
              <label for="packet-template">{t('promoSettings.redPacketTemplate')}</label>
              <select
                id="packet-template"
                value={packetTemplate}
                onChange={(e) => setPacketTemplate(e.currentTarget.value)}
              >
                <option value="">{t('promoSettings.redPacketOff')}</option>
                {packetTemplates.map(option)}
              </select>
            </div>
            {packetTemplate && (
              <>
                <DraftField
                  id="packet-min"
                  label={t('promoSettings.min')}
                  inputMode="decimal"
                  value={minYuan}
                  error={errors.min}
                  onInput={setMin}
                />
                <DraftField
                  id="packet-max"
                  label={t('promoSettings.max')}
                  inputMode="decimal"
                  value={maxYuan}
                  error={errors.max}
                  onInput={setMax}
                />
                <DraftField
                  id="packet-budget"
                  label={t('promoSettings.budget')}
                  inputMode="decimal"
                  value={budgetYuan}
                  error={errors.budget}
                  onInput={setBudget}
                />
              </>
            )}
          </div>
          {settings.redPacket && (
            <p>
              {t('promoSettings.spent', {
                spent: formatFen(settings.redPacket.spentFen),
                budget: formatFen(settings.redPacket.budgetFen),
              })}
            </p>
          )}
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={restore} onChange={(e) => setRestore(e.currentTarget.checked)} />
          {t('promoSettings.restore')}
        </label>
      </fieldset>
      <Problem error={error} />
      {saved && (
        <p class="notice notice-ok" role="status">
          {t('promoSettings.saved')}
        </p>
      )}
      {manage && (
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('promoForm.saving') : t('promoSettings.save')}
        </button>
      )}
    </form>
  );
}
