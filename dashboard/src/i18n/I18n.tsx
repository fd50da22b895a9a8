import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'wouter';
import { MESSAGES, type MessageKey } from './messages';
import * as fmt from './format';
import type { Lang } from './format';

export type { Lang, MessageKey };

/**
 * The language lives in the URL (`lang=en`; absent = Bahasa Indonesia) so a shared link opens in the
 * sender's language. The last choice is remembered in localStorage and restored on a bare URL.
 */
const STORAGE_KEY = 'pantau.lang';

export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'id';
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = MESSAGES[lang][key] ?? MESSAGES.id[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export interface I18n {
  lang: Lang;
  locale: string;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  setLang: (lang: Lang) => void;
  number: (n: number | null | undefined, maxFraction?: number) => string;
  percent: (fraction: number | null | undefined, digits?: number) => string;
  index: (value: number | null | undefined) => string;
  hours: (hours: number | null | undefined) => string;
  date: (value: string | Date | null | undefined) => string;
  dateTime: (value: string | Date | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void = () => {}): I18n {
  return {
    lang,
    locale: fmt.LOCALES[lang],
    t: (key, params) => translate(lang, key, params),
    setLang,
    number: (n, maxFraction) => fmt.formatNumber(lang, n, maxFraction),
    percent: (f, digits) => fmt.formatPercent(lang, f, digits),
    index: (v) => fmt.formatIndex(lang, v),
    hours: (h) => fmt.formatHours(lang, h),
    date: (v) => fmt.formatDate(lang, v),
    dateTime: (v) => fmt.formatDateTime(lang, v),
  };
}

function storedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'id' ? v : null;
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const urlLang = params.get('lang');
  const lang = parseLang(urlLang);

  const setLang = useCallback(
    (next: Lang) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        /* private mode: the URL still carries the choice */
      }
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        if (next === 'id') p.delete('lang');
        else p.set('lang', next);
        return p;
      });
    },
    [setParams],
  );

  // A bare URL (no lang) restores the remembered choice, written into the URL so it stays shareable.
  useEffect(() => {
    if (urlLang == null && storedLang() === 'en') {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          p.set('lang', 'en');
          return p;
        },
        { replace: true },
      );
    }
  }, [urlLang, setParams]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
