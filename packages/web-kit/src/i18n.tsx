import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';

/** Chinese first, English second; each app brings its own messages with the same keys in both. */
export type Language = 'zh-CN' | 'en';
export const LANGUAGES: Language[] = ['zh-CN', 'en'];
export type Messages<K extends string = string> = Record<Language, Record<K, string>>;

type Vars = Record<string, string | number>;
export interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  /** The message for `key` in the current language, `{name}` placeholders filled from `vars`. */
  t(key: string, vars?: Vars): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'shualian.lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh-CN' || stored === 'en') return stored;
  const query = new URLSearchParams(location.search).get('lang');
  return query === 'en' ? 'en' : 'zh-CN';
}

export function fill(template: string, vars?: Vars): string {
  return vars
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : template;
}

export function I18nProvider(props: { messages: Messages; children: ComponentChildren }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => fill(props.messages[lang][key] ?? props.messages['zh-CN'][key] ?? key, vars),
    }),
    [lang, setLang, props.messages],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** Messages both languages share across apps (the switch itself, money, generic errors). */
export const COMMON_MESSAGES: Messages = {
  'zh-CN': {
    'lang.switch': 'English',
    'lang.switchLabel': '切换到英文',
    'error.network': '网络不稳定，正在重试…',
    'error.generic': '出错了：{message}',
  },
  en: {
    'lang.switch': '中文',
    'lang.switchLabel': 'Switch to Chinese',
    'error.network': 'The network is unsteady; trying again…',
    'error.generic': 'Something went wrong: {message}',
  },
};

export function withCommon<K extends string>(messages: Messages<K>): Messages {
  return {
    'zh-CN': { ...COMMON_MESSAGES['zh-CN'], ...messages['zh-CN'] },
    en: { ...COMMON_MESSAGES.en, ...messages.en },
  };
}
