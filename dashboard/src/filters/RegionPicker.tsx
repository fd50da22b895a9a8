import { useId } from 'react';
import { useQuery } from 'urql';
import { useI18n, type MessageKey } from '../i18n/I18n';
import {
  PROVINCES,
  REGION_CHILDREN,
  REGION_NAME,
  type ProvincesData,
  type RegionChildrenData,
  type RegionNameData,
  type RegionRef,
} from '../graphql/operations';
import { regionPath } from './filters';

/** East Kalimantan: offered when the province list cannot be loaded. */
export const DEFAULT_PROVINCE = '64';

const LEVEL_LABELS: MessageKey[] = ['filters.province', 'filters.regency', 'filters.district', 'filters.village'];

interface RegionPickerProps {
  value: string | null;
  onChange: (code: string | null) => void;
}

/**
 * Region by hierarchy: province → regency/city → district → village, one select per level, each
 * filled from `region(code) { children }` of the level above. Choosing "All" at a level filters by
 * the level above (or no region at all).
 */
export function RegionPicker({ value, onChange }: RegionPickerProps) {
  const { t } = useI18n();
  const path = regionPath(value);
  // One select per selected level, plus one for the next level down (up to villages).
  const levels = Math.min(path.length + 1, 4);
  return (
    <fieldset className="filter-field region-picker">
      <legend>{t('filters.region')}</legend>
      <div className="region-selects">
        {Array.from({ length: levels }, (_, level) => (
          <LevelSelect
            key={level}
            level={level}
            parent={level === 0 ? null : path[level - 1]}
            selected={path[level] ?? null}
            label={t(LEVEL_LABELS[level])}
            onChange={(code) => onChange(code ?? (level === 0 ? null : path[level - 1]))}
          />
        ))}
      </div>
    </fieldset>
  );
}

function LevelSelect({
  level,
  parent,
  selected,
  label,
  onChange,
}: {
  level: number;
  parent: string | null;
  selected: string | null;
  label: string;
  onChange: (code: string | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [provinces] = useQuery<ProvincesData>({ query: PROVINCES, pause: level !== 0 });
  const [fallback] = useQuery<RegionNameData>({
    query: REGION_NAME,
    variables: { code: DEFAULT_PROVINCE },
    pause: level !== 0 || !provinces.error,
  });
  const [children] = useQuery<RegionChildrenData>({
    query: REGION_CHILDREN,
    variables: { code: parent ?? '' },
    pause: level === 0 || !parent,
  });

  let options: Pick<RegionRef, 'code' | 'name'>[] = [];
  let fetching = false;
  let failed = false;
  if (level === 0) {
    options = provinces.data?.regions.edges.map((e) => e.node) ?? (fallback.data?.region ? [fallback.data.region] : []);
    fetching = provinces.fetching || fallback.fetching;
    failed = !!provinces.error && !fallback.data?.region;
  } else {
    options = children.data?.region?.children.edges.map((e) => e.node) ?? [];
    fetching = children.fetching;
    failed = !!children.error;
  }
  // Keep a selection from a shared URL visible even before (or without) the list.
  if (selected && !options.some((o) => o.code === selected)) {
    options = [{ code: selected, name: selected }, ...options];
  }
  if (level > 0 && !fetching && !failed && options.length === 0) return null; // below villages / no children

  return (
    <div className="region-level">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={selected ?? ''}
        disabled={fetching && options.length === 0}
        aria-describedby={failed ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{level === 0 ? t('filters.allRegions') : t('filters.all')}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
      {failed ? (
        <span id={`${id}-err`} className="field-error">
          {t('filters.loadFailed')}
        </span>
      ) : null}
    </div>
  );
}
