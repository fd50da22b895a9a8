import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { CombinedError } from 'urql';
import { firstInvalid, formErrors, localErrors, NO_ERRORS, type FormErrors } from '../graphql/formErrors';
import { useI18n } from '../i18n/I18n';

/** What a mutation answered (urql's OperationResult has this shape). */
export interface MutationOutcome<D> {
  data?: D | null;
  error?: CombinedError | null;
}

export interface MutationFormOptions<V, D> {
  /** Sends the values; the answer decides success or failure. */
  mutate: (values: V) => Promise<MutationOutcome<D>>;
  /** The form's own checks before anything is sent: field → message (none, or undefined, when fine). */
  validate?: (values: V) => Readonly<Record<string, string | undefined>>;
  /** Whether an answer is a success (default: data without an error). */
  succeeded?: (outcome: MutationOutcome<D>) => boolean;
  onSuccess?: (data: D, values: V) => void;
  /**
   * A failure the caller handles itself (e.g. CONFLICT: reload and say so): return true and the form
   * shows no errors.
   */
  onFailure?: (outcome: MutationOutcome<D>, values: V) => boolean | void;
  /** The form's own text for a field the server refused without a reason. */
  fieldHint?: (field: string) => string | undefined;
  /** Last say over the errors shown (e.g. a failure summary shown at the form's only field). */
  adapt?: (errors: FormErrors) => FormErrors;
  /** Field paths in form order: the first invalid one gets focus. */
  fieldOrder?: readonly string[];
  /** The element id of a field path (null: the field has no focusable element). */
  fieldId?: (field: string) => string | null;
  /**
   * Where focus goes after a failed submit: `field` — the first invalid field, else the summary;
   * `summary` — the error summary (which links to each field).
   */
  focus?: 'field' | 'summary';
  /** Focused after a success (a heading or notice that says what happened), when it is rendered. */
  successFocus?: RefObject<HTMLElement | null>;
  /** Submitting is not possible now (e.g. uploads still running): submit does nothing. */
  blocked?: boolean;
}

export interface MutationForm<V> {
  /** A submission is in flight. */
  busy: boolean;
  errors: FormErrors;
  /** Attach to the error summary (role="alert", tabIndex -1): focused after a failed submit. */
  summaryRef: RefObject<HTMLElement | null>;
  /** Checks, sends once (a second call while one is in flight is ignored), maps errors, moves focus. True on success. */
  submit: (values: V) => Promise<boolean>;
  /** A form's onSubmit: prevents the default and submits the values read at that moment. */
  onSubmit: (values: () => V) => (e: FormEvent) => void;
  /** Shows errors found elsewhere (e.g. a query's refusal) as a failed submit would, with focus. */
  showErrors: (errors: FormErrors) => void;
  clearErrors: () => void;
}

/** The element itself when it takes focus, else the first control inside it (a wrapped picker). */
function focusTarget(el: HTMLElement | null): HTMLElement | null {
  if (!el || el.matches('input, select, textarea, button, [tabindex]')) return el;
  return el.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select, textarea') ?? null;
}

/**
 * One hook for every mutation form: busy state, the double-submit guard, error mapping (field
 * errors and a summary, translated by code), focus on the first invalid field or the summary after a
 * failed submit, and focus on the success message after a success.
 */
export function useMutationForm<V, D>(options: MutationFormOptions<V, D>): MutationForm<V> {
  const { lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const inFlight = useRef(false);
  const summaryRef = useRef<HTMLElement | null>(null);
  const opts = useRef(options);
  opts.current = options;

  // Focus moves after the render that shows the errors (or the success message), so the element exists.
  const [focusRequest, setFocusRequest] = useState<{ n: number; to: 'errors' | 'success' } | null>(null);
  const errorsRef = useRef(errors);
  errorsRef.current = errors;
  useEffect(() => {
    if (!focusRequest) return;
    const o = opts.current;
    if (focusRequest.to === 'success') {
      o.successFocus?.current?.focus();
      return;
    }
    const fields = errorsRef.current.fields;
    if ((o.focus ?? 'field') === 'field') {
      const first = firstInvalid(o.fieldOrder ?? [], fields);
      const id = first ? (o.fieldId ? o.fieldId(first) : first) : null;
      const el = id ? focusTarget(document.getElementById(id)) : null;
      if (el) {
        el.focus();
        return;
      }
    }
    summaryRef.current?.focus();
  }, [focusRequest]);

  const fail = useCallback((next: FormErrors) => {
    const adapted = opts.current.adapt ? opts.current.adapt(next) : next;
    setErrors(adapted);
    setFocusRequest((r) => ({ n: (r?.n ?? 0) + 1, to: 'errors' }));
  }, []);

  const submit = useCallback(
    async (values: V): Promise<boolean> => {
      const o = opts.current;
      if (inFlight.current || o.blocked) return false;
      const local: Record<string, string> = {};
      for (const [field, message] of Object.entries(o.validate?.(values) ?? {})) if (message) local[field] = message;
      if (Object.keys(local).length > 0) {
        fail(localErrors(local));
        return false;
      }
      inFlight.current = true;
      setBusy(true);
      let outcome: MutationOutcome<D>;
      try {
        outcome = await o.mutate(values);
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
      const ok = o.succeeded ? o.succeeded(outcome) : outcome.data != null && !outcome.error;
      if (ok && outcome.data != null) {
        setErrors(NO_ERRORS);
        o.onSuccess?.(outcome.data, values);
        setFocusRequest((r) => ({ n: (r?.n ?? 0) + 1, to: 'success' }));
        return true;
      }
      if (o.onFailure?.(outcome, values)) {
        setErrors(NO_ERRORS);
        return false;
      }
      fail(formErrors(outcome.error, lang, o.fieldHint));
      return false;
    },
    [fail, lang],
  );

  const onSubmit = useCallback(
    (values: () => V) => (e: FormEvent) => {
      e.preventDefault();
      void submit(values());
    },
    [submit],
  );

  const clearErrors = useCallback(() => setErrors(NO_ERRORS), []);
  return { busy, errors, summaryRef, submit, onSubmit, showErrors: fail, clearErrors };
}
