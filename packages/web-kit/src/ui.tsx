import type { ComponentChildren } from 'preact';
import { ApiError, NetworkError } from '@shualian/sdk';
import { useI18n, LANGUAGES } from './i18n.tsx';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = LANGUAGES.find((l) => l !== lang)!;
  return (
    <button type="button" class="lang-switch" aria-label={t('lang.switchLabel')} onClick={() => setLang(other)}>
      {t('lang.switch')}
    </button>
  );
}

/** A failed call said in words: the server's message for API errors, a network hint otherwise. */
export function ErrorNotice(props: { error: unknown }) {
  const { t } = useI18n();
  if (!props.error) return null;
  const text =
    props.error instanceof NetworkError
      ? t('error.network')
      : t('error.generic', {
          message:
            props.error instanceof ApiError ? `${props.error.message} (${props.error.code})` : String(props.error),
        });
  return (
    <p class="notice notice-error" role="alert">
      {text}
    </p>
  );
}

export function Spinner(props: { label: string }) {
  return (
    <div class="spinner" role="status" aria-live="polite">
      <span class="spinner-dot" aria-hidden="true" />
      <span>{props.label}</span>
    </div>
  );
}

export function Card(props: { title?: string; children: ComponentChildren; class?: string }) {
  return (
    <section class={`card ${props.class ?? ''}`}>
      {props.title && <h2>{props.title}</h2>}
      {props.children}
    </section>
  );
}

export function formatDateTime(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
}
