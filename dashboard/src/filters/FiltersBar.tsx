import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { AGENCY_NAME, REGION_NAME, type AgencyNameData, type RegionNameData } from '../graphql/operations';
import { useI18n } from '../i18n/I18n';
import { useTopics } from '../domain/topics';
import { AgencyPicker } from './AgencyPicker';
import { RegionPicker } from './RegionPicker';
import { DEFAULT_PRESET, isDay, lastDayOf, PERIOD_PRESETS, type PeriodPreset } from './filters';
import { dayAsDate, zoneLabel } from '../domain/timeZone';
import { useFilters } from './useFilters';

/**
 * The filters every page shares: period (presets or a custom range), region by hierarchy, agency
 * and topic. Each change is written to the URL, so the browser's back button undoes it and a copied
 * link reproduces the view.
 */
export function FiltersBar() {
  const { t, lang, date } = useI18n();
  const { filters, range, setFilters, timeZone } = useFilters();
  const { topics } = useTopics(lang);
  const periodId = useId();
  const fromId = useId();
  const toId = useId();
  const topicId = useId();
  const lastDay = lastDayOf(range);
  const firstDay = range.startDay ?? lastDay;
  const invalidRange = filters.period === 'custom' && filters.from && filters.to && filters.from > filters.to;
  const isDefault = filters.period === DEFAULT_PRESET && !filters.region && !filters.agency && !filters.topic;

  // On a phone the controls fold away behind one "Filter" button, so the first chart is near the top.
  const [narrow] = useState(() => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 700px)').matches);
  const [open, setOpen] = useState(!narrow);
  return (
    <section className="filters-bar" aria-label={t('filters.label')}>
      {narrow ? (
        <button type="button" className="button button-secondary button-small filters-toggle no-print" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {t('filters.label')}
        </button>
      ) : null}
      <div className="filters-body" hidden={!open}>
      <div className="filters-row">
        <div className="filter-field">
          <label htmlFor={periodId}>{t('filters.period')}</label>
          <select
            id={periodId}
            value={filters.period}
            onChange={(e) => {
              const period = e.target.value as PeriodPreset;
              if (period === 'custom') setFilters({ period, from: firstDay, to: lastDay });
              else setFilters({ period });
            }}
          >
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`filters.preset.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {filters.period === 'custom' ? (
          <>
            <div className="filter-field">
              <label htmlFor={fromId}>{t('filters.from')}</label>
              <input
                id={fromId}
                type="date"
                value={filters.from ?? firstDay}
                max={filters.to ?? undefined}
                onChange={(e) => isDay(e.target.value) && setFilters({ period: 'custom', from: e.target.value, to: filters.to ?? lastDay })}
                aria-invalid={invalidRange || undefined}
              />
            </div>
            <div className="filter-field">
              <label htmlFor={toId}>{t('filters.to')}</label>
              <input
                id={toId}
                type="date"
                value={filters.to ?? lastDay}
                min={filters.from ?? undefined}
                onChange={(e) => isDay(e.target.value) && setFilters({ period: 'custom', from: filters.from ?? firstDay, to: e.target.value })}
                aria-invalid={invalidRange || undefined}
              />
            </div>
          </>
        ) : null}
        <AgencyPicker value={filters.agency} onChange={(agency) => setFilters({ agency })} />
        <div className="filter-field">
          <label htmlFor={topicId}>{t('filters.topic')}</label>
          <select id={topicId} value={filters.topic ?? ''} onChange={(e) => setFilters({ topic: e.target.value || null })}>
            <option value="">{t('filters.allTopics')}</option>
            {filters.topic && !topics?.some((tp) => tp.code === filters.topic) ? <option value={filters.topic}>{filters.topic}</option> : null}
            {topics?.map((tp) => (
              <option key={tp.code} value={tp.code}>
                {lang === 'en' ? tp.labelEn : tp.labelId}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field filter-reset">
          <button
            type="button"
            className="button button-secondary"
            disabled={isDefault}
            onClick={() => setFilters({ period: DEFAULT_PRESET, from: null, to: null, region: null, agency: null, topic: null })}
          >
            {t('filters.reset')}
          </button>
        </div>
      </div>
      <div className="filters-row">
        <RegionPicker value={filters.region} onChange={(region) => setFilters({ region })} />
      </div>
      </div>
      {invalidRange ? (
        <p className="field-error" role="alert">
          {t('filters.invalidRange')}
        </p>
      ) : null}
      <p className="filters-summary" aria-live="polite">
        {range.startDay
          ? t('filters.summary', { from: date(dayAsDate(range.startDay)), to: date(dayAsDate(lastDay)) })
          : t('filters.summaryAll', { to: date(dayAsDate(lastDay)) })}
        <span className="filters-zone"> ({t('filters.zone', { zone: zoneLabel(timeZone) })})</span>
        <ScopeSummary />
      </p>
    </section>
  );
}

/** The active region, agency and topic in words (also what a printed overview shows). */
function ScopeSummary() {
  const { t, lang } = useI18n();
  const { filters } = useFilters();
  const { label } = useTopics(lang);
  const [region] = useQuery<RegionNameData>({ query: REGION_NAME, variables: { code: filters.region ?? '' }, pause: !filters.region });
  const [agency] = useQuery<AgencyNameData>({ query: AGENCY_NAME, variables: { id: filters.agency ?? '' }, pause: !filters.agency });
  const parts: string[] = [];
  if (filters.region) parts.push(`${t('filters.region')}: ${region.data?.region?.name ?? filters.region}`);
  if (filters.agency) {
    const a = agency.data?.agency;
    parts.push(`${t('filters.agency')}: ${a ? (lang === 'en' && a.nameEn ? a.nameEn : a.name) : filters.agency}`);
  }
  if (filters.topic) parts.push(`${t('filters.topic')}: ${label(filters.topic)}`);
  return parts.length ? <span className="filters-scope"> · {parts.join(' · ')}</span> : null;
}
