import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { useI18n } from '../i18n/I18n';
import { AGENCY_NAME, AGENCY_SEARCH, type AgencyNameData, type AgencySearchData } from '../graphql/operations';

interface AgencyPickerProps {
  value: string | null;
  onChange: (agencyId: string | null) => void;
  /** In a form (disposition, forward) rather than the filters bar. */
  label?: string;
  placeholder?: string;
  clearLabel?: string;
  error?: string;
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Agency filter: an ARIA 1.2 combobox searching `agencies(filter: { search })` as you type
 * (debounced). Arrow keys move through the results, Enter picks, Escape closes. The chosen agency
 * shows as a removable chip, its name looked up by id so a shared URL reads well.
 */
export function AgencyPicker({ value, onChange, label, placeholder, clearLabel, error }: AgencyPickerProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useDebounced(text.trim(), 250);

  const [selected] = useQuery<AgencyNameData>({ query: AGENCY_NAME, variables: { id: value ?? '' }, pause: !value });
  const [results] = useQuery<AgencySearchData>({
    query: AGENCY_SEARCH,
    variables: { search, first: 10 },
    pause: !open || search.length === 0,
  });
  const options = search.length > 0 ? (results.data?.agencies.edges.map((e) => e.node) ?? []) : [];

  useEffect(() => setActive(0), [search]);

  const choose = (agencyId: string) => {
    onChange(agencyId);
    setText('');
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && options[active]) {
        e.preventDefault();
        choose(options[active].id);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      } else setText('');
    }
  };

  const agency = selected.data?.agency;
  const agencyName = agency ? (lang === 'en' && agency.nameEn ? agency.nameEn : agency.name) : value;
  const showList = open && search.length > 0;
  const activeId = showList && options[active] ? `${id}-opt-${active}` : undefined;

  return (
    <div className="filter-field agency-picker">
      <label htmlFor={id}>{label ?? t('filters.agency')}</label>
      {value ? (
        <div className="chip" data-testid="agency-chip">
          <span className="chip-text" title={agencyName ?? ''}>
            {agencyName}
          </span>
          <button
            type="button"
            className="chip-remove"
            aria-label={clearLabel ?? t('filters.clearAgency')}
            onClick={() => {
              onChange(null);
              inputRef.current?.focus();
            }}
          >
            ×
          </button>
        </div>
      ) : null}
      <div className="combobox">
        <input
          ref={inputRef}
          id={id}
          type="search"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoComplete="off"
          placeholder={placeholder ?? (value ? t('filters.agencySearch') : t('filters.allAgencies'))}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => text && setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" className="combobox-list" hidden={!showList} aria-label={label ?? t('filters.agency')}>
          {results.fetching && options.length === 0 ? (
            <li className="combobox-note" role="presentation">
              {t('panel.loading')}
            </li>
          ) : null}
          {results.error ? (
            <li className="combobox-note field-error" role="presentation">
              {t('filters.loadFailed')}
            </li>
          ) : null}
          {!results.fetching && !results.error && options.length === 0 ? (
            <li className="combobox-note" role="presentation">
              {t('filters.noAgencies')}
            </li>
          ) : null}
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o.id);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{lang === 'en' && o.nameEn ? o.nameEn : o.name}</span>
              <span className="muted">
                {' '}
                {o.code}
                {o.region ? ` · ${o.region.name}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
