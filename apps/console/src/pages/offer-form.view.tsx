import type { ComponentChildren } from 'preact';
import { useI18n } from '@shualian/web-kit';
import { offerInWords } from '../offer-words.ts';
import { METHOD_TYPES, type DraftErrors, type OfferDraft } from '../promotion-draft.ts';

/** A labelled text input of a draft, with the correction it needs (a message key) below it. */
export function DraftField(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  type?: 'text' | 'datetime-local' | 'time';
  inputMode?: 'decimal' | 'numeric' | 'text';
  wide?: boolean;
  onInput(value: string): void;
}) {
  const { t } = useI18n();
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ');
  return (
    <div class={props.wide ? 'field field-wide' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {/* preact types each input type apart; these attributes suit all three */}
      <input
        {...({ type: props.type ?? 'text', inputMode: props.inputMode } as object)}
        id={props.id}
        autoComplete="off"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.hint && (
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} class="field-error">
          {t(props.error)}
        </p>
      )}
    </div>
  );
}

function Group(props: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="plain setting-group">
      <legend>{props.legend}</legend>
      <div class="inline-form">{props.children}</div>
    </fieldset>
  );
}

/**
 * What an offer takes off (percent, fixed, 满减 tiers, buy X get Y, special price), the rules it holds under and how it
 * stacks: the part promotions and coupon templates share.
 */
export function OfferFields<D extends OfferDraft>(props: {
  idPrefix: string;
  draft: D;
  errors: DraftErrors;
  onChange(patch: Partial<OfferDraft>): void;
}) {
  const { t, lang } = useI18n();
  const { draft, errors, onChange } = props;
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const hasTarget = draft.type === 'percent_off' || draft.type === 'fixed_off';
  return (
    <>
      <Group legend={t('promoForm.method')}>
        {draft.type === 'kept' ? (
          <p class="hint">{t('promoForm.keptMethod', { offer: offerInWords(draft.kept!, lang) })}</p>
        ) : (
          <div class="field">
            <label for={id('type')}>{t('promoForm.type')}</label>
            <select
              id={id('type')}
              value={draft.type}
              onChange={(e) => onChange({ type: e.currentTarget.value as OfferDraft['type'] })}
            >
              {METHOD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`promoMethod.${type}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {hasTarget && (
          <div class="field">
            <label for={id('target')}>{t('promoForm.target')}</label>
            <select
              id={id('target')}
              value={draft.target}
              onChange={(e) => onChange({ target: e.currentTarget.value as OfferDraft['target'] })}
            >
              <option value="items">{t('promoForm.targetItems')}</option>
              <option value="order">{t('promoForm.targetOrder')}</option>
            </select>
          </div>
        )}
        {(draft.type === 'percent_off' || draft.type === 'buy_x_get_y') && (
          <DraftField
            id={id('percent')}
            label={t('promoForm.percentOff')}
            hint={t('promoForm.percentOffHint')}
            inputMode="numeric"
            value={draft.percentOff}
            error={errors.percentOff}
            onInput={(percentOff) => onChange({ percentOff })}
          />
        )}
        {draft.type === 'percent_off' && (
          <DraftField
            id={id('max')}
            label={t('promoForm.maxDiscount')}
            inputMode="decimal"
            value={draft.maxDiscount}
            error={errors.maxDiscount}
            onInput={(maxDiscount) => onChange({ maxDiscount })}
          />
        )}
        {draft.type === 'fixed_off' && (
          <DraftField
            id={id('amount')}
            label={t('promoForm.amount')}
            inputMode="decimal"
            value={draft.amount}
            error={errors.amount}
            onInput={(amount) => onChange({ amount })}
          />
        )}
        {draft.type === 'special_price' && (
          <DraftField
            id={id('price')}
            label={t('promoForm.price')}
            inputMode="decimal"
            value={draft.price}
            error={errors.price}
            onInput={(price) => onChange({ price })}
          />
        )}
        {draft.type === 'buy_x_get_y' && (
          <>
            <DraftField
              id={id('buy')}
              label={t('promoForm.buyQuantity')}
              inputMode="numeric"
              value={draft.buyQuantity}
              error={errors.buyQuantity}
              onInput={(buyQuantity) => onChange({ buyQuantity })}
            />
            <DraftField
              id={id('get')}
              label={t('promoForm.getQuantity')}
              inputMode="numeric"
              value={draft.getQuantity}
              error={errors.getQuantity}
              onInput={(getQuantity) => onChange({ getQuantity })}
            />
          </>
        )}
        {draft.type === 'threshold_off' && (
          <>
            {draft.tiers.map((tier, i) => {
              const set = (patch: Partial<typeof tier>) =>
                onChange({ tiers: draft.tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              return (
                <div class="tier" key={i} role="group" aria-label={t('promoForm.tier', { n: i + 1 })}>
                  <DraftField
                    id={id(`tier-${i}-threshold`)}
                    label={t('promoForm.tierThreshold', { n: i + 1 })}
                    inputMode="decimal"
                    value={tier.threshold}
                    error={errors[`tiers.${i}.threshold`]}
                    onInput={(threshold) => set({ threshold })}
                  />
                  <DraftField
                    id={id(`tier-${i}-off`)}
                    label={t('promoForm.tierOff', { n: i + 1 })}
                    inputMode="decimal"
                    value={tier.off}
                    error={errors[`tiers.${i}.off`]}
                    onInput={(off) => set({ off })}
                  />
                  {draft.tiers.length > 1 && (
                    <button
                      type="button"
                      onClick={() => onChange({ tiers: draft.tiers.filter((_, j) => j !== i) })}
                      aria-label={t('promoForm.removeTierN', { n: i + 1 })}
                    >
                      {t('promoForm.removeTier')}
                    </button>
                  )}
                </div>
              );
            })}
            {draft.tiers.length < 10 && (
              <button type="button" onClick={() => onChange({ tiers: [...draft.tiers, { threshold: '', off: '' }] })}>
                {t('promoForm.addTier')}
              </button>
            )}
            {errors.tiers && <p class="field-error">{t(errors.tiers)}</p>}
          </>
        )}
      </Group>
      <Group legend={t('promoForm.rules')}>
        <DraftField
          id={id('categories')}
          label={t('promoForm.categories')}
          hint={t('promoForm.categoriesHint')}
          value={draft.categories}
          error={errors.categories}
          onInput={(categories) => onChange({ categories })}
        />
        <div class="field field-wide">
          <label for={id('products')}>{t('promoForm.productIds')}</label>
          <textarea
            id={id('products')}
            rows={2}
            value={draft.productIds}
            aria-invalid={errors.productIds ? true : undefined}
            aria-describedby={errors.productIds ? `${id('products')}-error` : `${id('products')}-hint`}
            onInput={(e) => onChange({ productIds: e.currentTarget.value })}
          />
          <p id={`${id('products')}-hint`} class="hint">
            {t('promoForm.productIdsHint')}
          </p>
          {errors.productIds && (
            <p id={`${id('products')}-error`} class="field-error">
              {t(errors.productIds)}
            </p>
          )}
        </div>
        <fieldset class="plain weekdays">
          <legend>{t('promoForm.weekdays')}</legend>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <label key={day} class="check">
              <input
                type="checkbox"
                checked={draft.weekdays.includes(day)}
                onChange={(e) =>
                  onChange({
                    weekdays: e.currentTarget.checked
                      ? [...draft.weekdays, day]
                      : draft.weekdays.filter((d) => d !== day),
                  })
                }
              />
              {t(`weekday.${day}`)}
            </label>
          ))}
        </fieldset>
        <DraftField
          id={id('from')}
          label={t('promoForm.hoursFrom')}
          type="time"
          value={draft.hoursFrom}
          error={errors.hours}
          onInput={(hoursFrom) => onChange({ hoursFrom })}
        />
        <DraftField
          id={id('to')}
          label={t('promoForm.hoursTo')}
          type="time"
          value={draft.hoursTo}
          onInput={(hoursTo) => onChange({ hoursTo })}
        />
        <DraftField
          id={id('min-cart')}
          label={t('promoForm.minCart')}
          inputMode="decimal"
          value={draft.minCart}
          error={errors.minCart}
          onInput={(minCart) => onChange({ minCart })}
        />
      </Group>
      <Group legend={t('promoForm.stackingTitle')}>
        <div class="field">
          <label for={id('stacking')}>{t('promoForm.stacking')}</label>
          <select
            id={id('stacking')}
            value={draft.stacking}
            onChange={(e) => onChange({ stacking: e.currentTarget.value as OfferDraft['stacking'] })}
          >
            <option value="stackable">{t('promoStacking.stackable')}</option>
            <option value="exclusive">{t('promoStacking.exclusive')}</option>
          </select>
        </div>
        <DraftField
          id={id('priority')}
          label={t('promoForm.priority')}
          hint={t('promoForm.priorityHint')}
          inputMode="numeric"
          value={draft.priority}
          error={errors.priority}
          onInput={(priority) => onChange({ priority })}
        />
      </Group>
    </>
  );
}
