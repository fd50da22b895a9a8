import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { regionPath } from '../filters/filters';
import {
  PROVINCES,
  REGION_CHILDREN,
  ROADS,
  type ProvincesData,
  type RegionChildrenData,
  type RegionRef,
  type RoadsData,
} from '../graphql/operations';
import { useI18n, type MessageKey } from '../i18n/I18n';
// The citizen/staff-action dictionary, loaded with this chunk.
import '../i18n/reportMessages';
import { roadStatusKey } from '../i18n/keys';

const LEVEL_LABELS: MessageKey[] = ['filters.province', 'filters.regency', 'filters.district', 'filters.village'];
const LEVEL_PROMPTS: MessageKey[] = ['loc.chooseProvince', 'loc.chooseRegency', 'loc.chooseDistrict', 'loc.chooseVillage'];

/** The id of the select a region error should focus: the first level still to choose. */
export function regionFocusId(idPrefix: string, value: string | null): string {
  return `${idPrefix}-${Math.min(regionPath(value).length, 3)}`;
}

/**
 * Where the problem is: province → regency/city → district → village, one select per level, each
 * filled from the level above (`region(code) { children }`). `complete` is true once the choice
 * reaches a village (or a region without anything below it), which is what the form requires.
 */
export function RegionCascade({
  idPrefix,
  value,
  onChange,
  onCompleteChange,
  error,
}: {
  idPrefix: string;
  value: string | null;
  onChange: (code: string | null) => void;
  onCompleteChange: (complete: boolean) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const path = regionPath(value);
  const [below] = useQuery<RegionChildrenData>({ query: REGION_CHILDREN, variables: { code: value ?? '' }, pause: !value || path.length >= 4 });
  const leaf = !!value && (path.length >= 4 || (!below.fetching && !below.error && below.data?.region?.children.edges.length === 0));
  const notify = useRef(onCompleteChange);
  notify.current = onCompleteChange;
  useEffect(() => notify.current(leaf), [leaf]);

  const levels = Math.min(path.length + 1, 4);
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset className={`form-field region-cascade${error ? ' has-error' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>
        {t('loc.region')} <span className="field-marker">{t('form.required')}</span>
      </legend>
      <p className="field-hint">{t('loc.regionHint')}</p>
      <div className="region-selects">
        {Array.from({ length: levels }, (_, level) => (
          <CascadeSelect
            key={level}
            id={`${idPrefix}-${level}`}
            level={level}
            parent={level === 0 ? null : path[level - 1]}
            selected={path[level] ?? null}
            invalid={!!error && level === levels - 1}
            describedBy={error ? errorId : undefined}
            onChange={(code) => onChange(code ?? (level === 0 ? null : path[level - 1]))}
          />
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function CascadeSelect({
  id,
  level,
  parent,
  selected,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  level: number;
  parent: string | null;
  selected: string | null;
  invalid: boolean;
  describedBy?: string;
  onChange: (code: string | null) => void;
}) {
  const { t } = useI18n();
  const [provinces, reloadProvinces] = useQuery<ProvincesData>({ query: PROVINCES, pause: level !== 0 });
  const [children, reloadChildren] = useQuery<RegionChildrenData>({ query: REGION_CHILDREN, variables: { code: parent ?? '' }, pause: level === 0 || !parent });
  const result = level === 0 ? provinces : children;
  let options: Pick<RegionRef, 'code' | 'name'>[] = level === 0 ? (provinces.data?.regions.edges.map((e) => e.node) ?? []) : (children.data?.region?.children.edges.map((e) => e.node) ?? []);
  if (selected && !options.some((o) => o.code === selected)) options = [{ code: selected, name: selected }, ...options];
  if (level > 0 && !result.fetching && !result.error && options.length === 0) return null;
  const failedId = `${id}-failed`;
  return (
    <div className="region-level">
      <label htmlFor={id}>{t(LEVEL_LABELS[level])}</label>
      <select
        id={id}
        value={selected ?? ''}
        disabled={result.fetching && options.length === 0}
        aria-invalid={invalid || undefined}
        aria-describedby={[result.error ? failedId : null, describedBy].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{t(LEVEL_PROMPTS[level])}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
      {result.error ? (
        <span id={failedId} className="field-error">
          {t('filters.loadFailed')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => (level === 0 ? reloadProvinces : reloadChildren)({ requestPolicy: 'network-only' })}
          >
            {t('panel.retry')}
          </button>
        </span>
      ) : null}
    </div>
  );
}


/** Optional road for asset topics: the registry's segments through the chosen region (`roads(regionCode)`). */
export function RoadSelect({
  id,
  regionCode,
  value,
  onChange,
  error,
}: {
  id: string;
  regionCode: string;
  value: string | null;
  onChange: (roadId: string | null) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const [roads, reload] = useQuery<RoadsData>({ query: ROADS, variables: { regionCode } });
  const options = useMemo(() => roads.data?.roads.edges.map((e) => e.node) ?? [], [roads.data]);
  const loaded = !!roads.data && !roads.fetching;
  // A road of the previous region does not belong to the new one.
  const keep = useRef(onChange);
  keep.current = onChange;
  useEffect(() => {
    if (loaded && value && !options.some((o) => o.id === value)) keep.current(null);
  }, [loaded, value, options]);

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {t('loc.road')} <span className="field-marker">{t('form.optional')}</span>
      </label>
      <p id={hintId} className="field-hint">
        {loaded && options.length === 0 ? t('loc.noRoads') : t('loc.roadHint')}
      </p>
      <select
        id={id}
        value={value ?? ''}
        disabled={roads.fetching && options.length === 0}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{roads.fetching && !roads.data ? t('panel.loading') : t('loc.noRoad')}</option>
        {options.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} ({t(roadStatusKey(r.status))})
          </option>
        ))}
      </select>
      {roads.error ? (
        <span className="field-error">
          {t('filters.loadFailed')}{' '}
          <button type="button" className="link-button" onClick={() => reload({ requestPolicy: 'network-only' })}>
            {t('panel.retry')}
          </button>
        </span>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
