import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18n';

/**
 * Cursor pagination with a trail of the cursors visited, so "Previous" works and the browser's
 * back/forward (which change `after` in the URL) stay in step. A link opened mid-way (an `after`
 * not in the trail) starts a new trail; its page number is then unknown.
 */
export function useCursorHistory(after: string | null, resetKey: string) {
  const [trail, setTrail] = useState<(string | null)[]>([after]);
  const key = useRef(resetKey);
  useEffect(() => {
    if (key.current !== resetKey) {
      key.current = resetKey;
      setTrail([after]);
    }
  }, [resetKey, after]);
  let index = trail.indexOf(after);
  if (index < 0) {
    // Not yet in the trail (first render after an external change): treat it as a fresh start.
    index = 0;
  }
  useEffect(() => {
    if (!trail.includes(after)) setTrail([after]);
  }, [after, trail]);
  return {
    page: trail[0] === null ? index + 1 : null,
    canPrev: index > 0,
    next(endCursor: string | null, go: (after: string | null) => void) {
      if (!endCursor) return;
      setTrail([...trail.slice(0, index + 1), endCursor]);
      go(endCursor);
    },
    prev(go: (after: string | null) => void) {
      if (index > 0) go(trail[index - 1]);
    },
    first(go: () => void) {
      setTrail([null]);
      go();
    },
  };
}

interface PagerProps {
  page: number | null;
  hasNext: boolean;
  canPrev: boolean;
  atFirst: boolean;
  onNext: () => void;
  onPrev: () => void;
  onFirst: () => void;
}

export function Pager({ page, hasNext, canPrev, atFirst, onNext, onPrev, onFirst }: PagerProps) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={t('rp.page', { page: page ?? '…' })}>
      {!atFirst && !canPrev ? (
        <button type="button" className="button button-secondary" onClick={onFirst}>
          « {t('rp.firstPage')}
        </button>
      ) : null}
      <button type="button" className="button button-secondary" onClick={onPrev} disabled={!canPrev}>
        ‹ {t('rp.prev')}
      </button>
      <span className="pager-page" aria-current="page">
        {t('rp.page', { page: page ?? '…' })}
      </span>
      <button type="button" className="button button-secondary" onClick={onNext} disabled={!hasNext}>
        {t('rp.next')} ›
      </button>
    </nav>
  );
}
