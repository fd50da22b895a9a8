import { useCallback } from 'react';
import { useQuery } from 'urql';
import { TOPICS, type Topic, type TopicsData } from '../graphql/operations';
import type { Lang } from '../i18n/format';

/** "AIR_BERSIH" -> "Air bersih": shown until (or if) the registry's labels are unavailable. */
export function humanizeCode(code: string): string {
  const s = code.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function topicLabel(topics: Topic[] | undefined, code: string, lang: Lang): string {
  const topic = topics?.find((t) => t.code === code);
  if (!topic) return humanizeCode(code);
  return lang === 'en' ? topic.labelEn : topic.labelId;
}

/** Topic labels from the registry's `topics` query (fetched once, cached by urql). */
export function useTopics(lang: Lang) {
  const [result] = useQuery<TopicsData>({ query: TOPICS });
  const topics = result.data?.topics;
  const label = useCallback((code: string) => topicLabel(topics, code, lang), [topics, lang]);
  return { topics, label, fetching: result.fetching, error: result.error };
}
