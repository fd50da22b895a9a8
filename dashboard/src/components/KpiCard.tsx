import { useI18n } from '../i18n/I18n';
import type { KpiChange } from './kpi';
import { withheldText } from '../domain/suppression';

interface KpiCardProps {
  label: string;
  value: string;
  change?: KpiChange | null;
  /** k when the figure is withheld by small-cell protection: shown as "< k" with a tooltip. */
  withheldBelow?: number | null;
}

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;

/** A headline number with its change versus the previous period (arrow + words, not colour alone). */
export function KpiCard({ label, value: formatted, change, withheldBelow }: KpiCardProps) {
  const { t } = useI18n();
  const withheld = withheldBelow != null ? t('analytics.withheld', { k: withheldBelow }) : null;
  const value = withheldBelow != null ? withheldText(withheldBelow) : formatted;
  let changeText: string | null;
  if (change === undefined) changeText = null; // a figure without comparison
  else if (!change || change.direction == null || change.text == null) changeText = t('kpi.noPrevious');
  else if (change.direction === 'flat') changeText = t('kpi.noChange');
  else {
    const judgement = change.good == null ? '' : ` (${t(change.good ? 'kpi.better' : 'kpi.worse')})`;
    changeText = t('kpi.vsPrevious', { change: change.text }) + judgement;
  }
  const tone = change?.good == null ? 'neutral' : change.good ? 'good' : 'bad';
  return (
    <div
      className="kpi-card"
      role="group"
      aria-label={`${label}: ${value}${withheld ? ` (${withheld})` : ''}${changeText ? `. ${changeText}` : ''}`}
    >
      <div className="kpi-label">{label}</div>
      <div className={withheld ? 'kpi-value withheld' : 'kpi-value'} title={withheld ?? undefined}>
        {value}
      </div>
      {changeText ? (
        <div className={`kpi-change kpi-${tone}`}>
          {change?.direction ? (
            <span aria-hidden="true" className="kpi-arrow">
              {ARROWS[change.direction]}
            </span>
          ) : null}{' '}
          {changeText}
        </div>
      ) : null}
    </div>
  );
}
