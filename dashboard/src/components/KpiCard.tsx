import { useI18n } from '../i18n/I18n';
import type { KpiChange } from './kpi';

interface KpiCardProps {
  label: string;
  value: string;
  change?: KpiChange | null;
}

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;

/** A headline number with its change versus the previous period (arrow + words, not colour alone). */
export function KpiCard({ label, value, change }: KpiCardProps) {
  const { t } = useI18n();
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
    <div className="kpi-card" role="group" aria-label={changeText ? `${label}: ${value}. ${changeText}` : `${label}: ${value}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
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
