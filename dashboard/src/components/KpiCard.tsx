import { useId, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import type { KpiChange } from './kpi';
import { withheldText } from '../domain/suppression';

interface KpiCardProps {
  label: string;
  value: string;
  /** The change versus a like-with-like previous period; null: no comparison (see `basis`). */
  change?: KpiChange | null;
  /** Why the change is (or is not) shown: on hover and keyboard focus of the change line. */
  basis?: string;
  /** The metric's definition, one click away. */
  definition?: string;
  /** k when the figure is withheld by small-cell protection: shown as "< k" with a tooltip. */
  withheldBelow?: number | null;
  testId?: string;
}

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;

/**
 * A headline number with its change versus the previous period (arrow + words, not colour alone),
 * the basis of that comparison on hover/focus, and its definition behind a button.
 */
export function KpiCard({ label, value: formatted, change, basis, definition, withheldBelow, testId }: KpiCardProps) {
  const { t } = useI18n();
  const tipId = useId();
  const defId = useId();
  const [showDef, setShowDef] = useState(false);
  const withheld = withheldBelow != null ? t('analytics.withheld', { k: withheldBelow }) : null;
  const value = withheldBelow != null ? withheldText(withheldBelow) : formatted;
  let changeText: string | null;
  if (change === undefined) changeText = null; // a figure without comparison
  else if (!change || change.direction == null || change.text == null) changeText = t('kpi.noComparison');
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
      data-testid={testId}
      aria-label={`${label}: ${value}${withheld ? ` (${withheld})` : ''}${changeText ? `. ${changeText}` : ''}`}
    >
      <div className="kpi-head">
        <div className="kpi-label">{label}</div>
        {definition ? (
          <button
            type="button"
            className="kpi-def-toggle no-print"
            aria-expanded={showDef}
            aria-controls={defId}
            aria-label={t('kpi.definitionOf', { name: label })}
            title={t('kpi.definition')}
            onClick={() => setShowDef((v) => !v)}
          >
            ?
          </button>
        ) : null}
      </div>
      <div className={withheld ? 'kpi-value withheld' : 'kpi-value'} title={withheld ?? undefined}>
        {value}
      </div>
      {changeText ? (
        <div className={`kpi-change kpi-${tone}`}>
          <span className="kpi-basis" tabIndex={basis ? 0 : undefined} aria-describedby={basis ? tipId : undefined}>
            {change?.direction ? (
              <span aria-hidden="true" className="kpi-arrow">
                {ARROWS[change.direction]}
              </span>
            ) : null}{' '}
            {changeText}
          </span>
          {basis ? (
            <span role="tooltip" id={tipId} className="kpi-tip">
              <strong>{t('kpi.basis')}:</strong> {basis}
            </span>
          ) : null}
        </div>
      ) : null}
      {definition ? (
        <p id={defId} className="kpi-def" hidden={!showDef}>
          {definition}
        </p>
      ) : null}
    </div>
  );
}
