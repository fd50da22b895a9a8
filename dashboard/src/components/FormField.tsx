import type { ReactNode, Ref } from 'react';
import { useI18n } from '../i18n/I18n';
// The citizen/staff-action dictionary, loaded with this chunk.
import '../i18n/reportMessages';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  multiline?: boolean;
  rows?: number;
  /** Shown as a counter; the server's own limit (the field still lets a paste through, the check says why). */
  maxLength?: number;
  required?: boolean;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel';
  placeholder?: string;
  className?: string;
}

/**
 * A labelled text input or textarea: hint and error tied to it with aria-describedby, aria-invalid
 * when the error is set, a visible "optional"/"required" marker and a character counter.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  multiline,
  rows = 5,
  maxLength,
  required,
  type = 'text',
  autoComplete,
  inputMode,
  placeholder,
  className,
}: TextFieldProps) {
  const { t, number } = useI18n();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    required,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={`form-field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label} <span className="field-marker">{required ? t('form.required') : t('form.optional')}</span>
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      {maxLength ? (
        <span className={`field-counter${value.trim().length > maxLength ? ' over' : ''}`}>
          {t('form.counter', { count: number(value.trim().length), max: number(maxLength) })}
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

/** A list of every problem above a form, each a link that moves focus to its field. */
export function ErrorSummary({
  title,
  summary,
  items,
  summaryRef,
}: {
  title: string;
  summary?: string | null;
  items: { id: string; label: string; message: string }[];
  summaryRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <h2 className="error-summary-title">{title}</h2>
      {summary ? <p>{summary}</p> : null}
      {items.length > 0 ? (
        <ul>
          {items.map((i) => (
            <li key={i.id}>
              <a
                href={`#${i.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(i.id);
                  el?.focus();
                  el?.scrollIntoView?.({ block: 'center' });
                }}
              >
                {i.label}: {i.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
