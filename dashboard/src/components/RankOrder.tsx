import { useId } from 'react';
import { useI18n } from '../i18n/I18n';
import type { RankDirection } from '../domain/ranking';

/** "Worst first / Best first" as a labelled radio group (keyboard: arrows), kept in the URL by the caller. */
export function RankOrder({ value, onChange }: { value: RankDirection; onChange: (dir: RankDirection) => void }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="rank-order">
      <legend className="sr-only">{t('rank.order')}</legend>
      <span aria-hidden="true">{t('rank.order')}:</span>
      {(['worst', 'best'] as const).map((dir) => (
        <label key={dir}>
          <input type="radio" name={name} value={dir} checked={value === dir} onChange={() => onChange(dir)} /> {t(dir === 'worst' ? 'rank.worstFirst' : 'rank.bestFirst')}
        </label>
      ))}
    </fieldset>
  );
}
