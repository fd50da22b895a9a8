import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'wouter';
import { MESSAGES, type MessageKey } from './messages';
import { REOPEN_WINDOW_DAYS, SLA_DAYS } from '@pantau/contract';
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

/** Placeholder values: `{name}` in a message is replaced by `params.name`. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Dictionaries loaded after the initial JavaScript (the citizen/staff-action one comes with those
 * pages' chunks: reportMessages.ts registers itself when it is imported). Their keys are part of
 * MessageKey, so t() takes them like any other; the modules that use them import that dictionary.
 */
const loaded: Record<Lang, Readonly<Record<string, string>>>[] = [];

export function registerMessages(dictionary: Record<Lang, Readonly<Record<string, string>>>): void {
  if (!loaded.includes(dictionary)) loaded.push(dictionary);
}

function template(lang: Lang, key: MessageKey): string | undefined {
  const main: Readonly<Record<string, string>> = MESSAGES[lang];
  if (key in main) return main[key];
  for (const d of loaded) if (key in d[lang]) return d[lang][key];
  return undefined;
}

/**
 * Rules of the contract that messages quote, available to every message without passing them: a
 * service level or window is written once (@pantau/contract), never in the text.
 */
export const CONTRACT_PARAMS = {
  slaVerification: SLA_DAYS.verification,
  slaFirstResponse: SLA_DAYS.firstResponse,
  slaCompletion: SLA_DAYS.completion,
  slaExamination: SLA_DAYS.completionExamination,
  reopenDays: REOPEN_WINDOW_DAYS,
} as const;

export function fillParams(text: string, params?: MessageParams): string {
  const all: MessageParams = params ? { ...CONTRACT_PARAMS, ...params } : CONTRACT_PARAMS;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in all ? String(all[name]) : m));
}

/** The one translator: every key of MessageKey, Bahasa Indonesia or English. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = template(lang, key);
  if (text === undefined) {
    // Only reachable when a lazily loaded dictionary was not imported by the module that uses its key.
    if (typeof process !== 'undefined' && process.env?.NODE_ENV === 'test') throw new Error(`Message "${key}" is not loaded: import its dictionary (i18n/reportMessages) where it is used`);
    return key;
  }
  return fillParams(text, params);
}

export interface I18n {
  lang: Lang;
  locale: string;
  t: (key: MessageKey, params?: MessageParams) => string;
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
