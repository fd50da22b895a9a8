import { useId, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { useI18n, type MessageKey } from '../i18n/I18n';
import { classifyError, errorMessage, ownServiceDown, type ErrorKind } from '../graphql/errors';
import { Link } from 'wouter';
import { useFilters } from '../filters/useFilters';

export type ServiceName = 'analytics' | 'registry' | 'reports';

export interface QueryState<T> {
  data?: T;
  error?: CombinedError;
  fetching: boolean;
  stale?: boolean;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/**
 * What isEmpty and children receive. A query with one root field whose value is null (a failed or
 * withheld root: analytics roots are nullable) never reaches them (error or empty state instead), so
 * for one-root queries that root is non-null; with several roots each page handles its own nulls.
 */
export type Rendered<T> = [keyof T] extends [UnionToIntersection<keyof T>] ? { [K in keyof T]: NonNullable<T[K]> } : T;

interface PanelProps<T> {
  title: string;
  /** Which subgraph answers this panel: an analytics outage gets its own notice. */
  service: ServiceName;
  result: QueryState<T>;
  isEmpty?: (data: Rendered<T>) => boolean;
  /** Replaces the generic "no data" text. */
  emptyText?: string;
  onRetry?: () => void;
  actions?: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
  children: (data: Rendered<T>) => ReactNode;
}

const ERROR_KEYS: Record<ErrorKind, MessageKey> = {
  network: 'panel.error.network',
  auth: 'panel.error.auth',
  forbidden: 'panel.error.forbidden',
  notFound: 'panel.error.notFound',
  input: 'panel.error.service',
  service: 'panel.error.service',
};

/**
 * One dashboard panel with its own loading, error and empty states. Its query is its own, so a
 * failure here (say, analytics is down) leaves every other panel working.
 */
export function Panel<T>({ title, service, result, isEmpty, emptyText, onRetry, actions, className, headingLevel = 2, children }: PanelProps<T>) {
  const headingId = useId();
  const { t } = useI18n();
  const { data, error, fetching } = result;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  let body: ReactNode;
  let state: 'loading' | 'error' | 'empty' | 'ready';
  if (data === undefined && fetching) {
    state = 'loading';
    body = (
      <div className="panel-state panel-loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {t('panel.loading')}
      </div>
    );
  } else if (error && (data === undefined || data === null || isNullData(data) || ownServiceDown(error, service))) {
    state = 'error';
    body = <ErrorNotice error={error} service={service} onRetry={onRetry} />;
  } else if (data === undefined || data === null) {
    state = 'loading';
    body = (
      <div className="panel-state panel-loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {t('panel.loading')}
      </div>
    );
  } else if (isNullData(data) || isEmpty?.(data as Rendered<T>)) {
    state = 'empty';
    body = <div className="panel-state panel-empty">{emptyText ?? t('panel.empty')}</div>;
  } else {
    state = 'ready';
    body = (
      <>
        {error ? <PartialNotice error={error} /> : null}
        {children(data as Rendered<T>)}
      </>
    );
  }
  return (
    <section
      className={`panel ${className ?? ''}`}
      aria-labelledby={headingId}
      aria-busy={fetching || undefined}
      data-state={state}
      data-service={service}
    >
      <header className="panel-header">
        <H id={headingId} className="panel-title">
          {title}
        </H>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className="panel-body">{body}</div>
    </section>
  );
}

/** True when every top-level field is null (a failed root field). */
function isNullData(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false;
  const values = Object.values(data as Record<string, unknown>);
  return values.length > 0 && values.every((v) => v === null);
}

export function ErrorNotice({ error, service, onRetry }: { error: CombinedError; service: ServiceName; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  const kind = classifyError(error);
  const { shared } = useFilters();
  const message = kind === 'service' && service === 'analytics' ? t('panel.error.analytics') : t(ERROR_KEYS[kind]);
  return (
    <div className={`panel-state panel-error error-${kind}`} data-error-kind={kind}>
      <p className="panel-error-title">
        <span aria-hidden="true" className="icon-warning">
          !
        </span>{' '}
        <strong>{t('panel.error.title')}</strong>
      </p>
      <p>{message}</p>
      {kind === 'auth' ? (
        <p>
          <Link href={`/sign-in${shared({ next: typeof window !== 'undefined' ? `${window.location.pathname}${window.location.search}` : '/' })}`}>{t('auth.signIn')}</Link>
        </p>
      ) : null}
      <details className="panel-error-detail">
        <summary>{t('panel.error.detail')}</summary>
        <code>{errorMessage(error, lang)}</code>
      </details>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('panel.retry')}
        </button>
      ) : null}
    </div>
  );
}

function PartialNotice({ error }: { error: CombinedError }) {
  const { t, lang } = useI18n();
  return (
    <p className="partial-notice" role="note">
      <span aria-hidden="true" className="icon-warning">
        !
      </span>{' '}
      {t('panel.error.service')} <span className="muted">({errorMessage(error, lang)})</span>
    </p>
  );
}
