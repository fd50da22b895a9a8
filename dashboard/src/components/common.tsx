import type { ReactNode } from 'react';
import { Icon } from './Icon';
import { Link, useLocation, useSearch } from 'wouter';
import { useAuth } from '../auth/AuthContext';
import { maladministrationLabel } from '../domain/vocabulary';
import { useTopics } from '../domain/topics';
import { useFilters } from '../filters/useFilters';
import { useI18n } from '../i18n/I18n';
import { statusKey } from '../i18n/keys';
import type { ReportRow, ReportStatus } from '../graphql/operations';

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  );
}

/** Shown instead of staff-only content when nobody is signed in. */
export function AuthRequired() {
  const { t } = useI18n();
  const { endedReason } = useAuth();
  const [location] = useLocation();
  const search = useSearch();
  const { shared } = useFilters();
  return (
    <div className="notice notice-info" role="status">
      <p>{t(endedReason === 'expired' ? 'auth.expired' : 'auth.required')}</p>
      <Link href={`/sign-in${shared({ next: `${location}${search ? `?${search}` : ''}` })}`} className="button button-primary">
        {t('auth.signIn')}
      </Link>
    </div>
  );
}

export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status.toLowerCase()}`}>{t(statusKey(status))}</span>;
}

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-overdue">
      <Icon name="clock" size={12} />{' '}
      {t('report.overdueBadge')}
    </span>
  );
}

/** The due date of the step the report is waiting for (none once it is completed or archived). */
export function nextDue(r: Pick<ReportRow, 'status' | 'verificationDueAt' | 'responseDueAt' | 'completionDueAt'>): string | null {
  switch (r.status) {
    case 'SUBMITTED':
    case 'ON_HOLD':
      return r.verificationDueAt;
    case 'DISPOSITIONED':
      return r.responseDueAt ?? r.completionDueAt;
    case 'IN_PROGRESS':
      return r.completionDueAt;
    default:
      return null;
  }
}

export type SortState = { column: 'submittedAt'; direction: 'asc' | 'desc' } | null;

interface ReportsTableProps {
  rows: ReportRow[];
  caption: string;
  /** Sorting by submission date (the only order the API offers besides "recently updated"). */
  sort?: SortState;
  onSortSubmitted?: () => void;
}

/** Report rows with links to each report page. Confidential titles are shown as hidden by the API. */
export function ReportsTable({ rows, caption, sort, onSortSubmitted }: ReportsTableProps) {
  const { t, lang, dateTime, date } = useI18n();
  const { label: topicLabel } = useTopics(lang);
  const { shared } = useFilters();
  const ariaSort = sort?.column === 'submittedAt' ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <div className="table-wrap">
      <table className="data-table reports-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rp.trackingId')}</th>
            <th scope="col" aria-sort={ariaSort}>
              {onSortSubmitted ? (
                <button type="button" className="sort-button" onClick={onSortSubmitted} aria-label={t('rp.sortBySubmitted')}>
                  {t('rp.submittedAt')}{' '}
                  <span aria-hidden="true">{sort?.direction === 'asc' ? '▲' : sort?.direction === 'desc' ? '▼' : '↕'}</span>
                </button>
              ) : (
                t('rp.submittedAt')
              )}
            </th>
            <th scope="col">{t('rp.titleCol')}</th>
            <th scope="col">{t('rp.topic')}</th>
            <th scope="col">{t('rp.status')}</th>
            <th scope="col">{t('rp.agency')}</th>
            <th scope="col">{t('rp.region')}</th>
            <th scope="col">{t('rp.type')}</th>
            <th scope="col">{t('rp.nextDue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.overdue ? 'row-overdue' : undefined}>
              <td>
                <Link href={`/reports/${encodeURIComponent(r.id)}${shared()}`} className="mono">
                  {r.trackingId}
                </Link>
              </td>
              <td>{dateTime(r.submittedAt)}</td>
              <td>
                {r.title ?? <span className="muted">{r.confidential ? t('rp.hidden') : t('rp.untitled')}</span>}
                {r.confidential ? <span className="badge badge-muted">{t('rp.confidential')}</span> : null}
                {r.anonymous ? <span className="badge badge-muted">{t('rp.anonymous')}</span> : null}
              </td>
              <td>{topicLabel(r.topic)}</td>
              <td>
                <StatusBadge status={r.status} />
                {r.overdue ? <OverdueBadge /> : null}
              </td>
              <td>{r.agency ? <Link href={`/agencies/${encodeURIComponent(r.agency.id)}${shared()}`}>{r.agency.name}</Link> : t('common.none')}</td>
              <td>{r.region ? <Link href={`/regions/${r.region.code}${shared()}`}>{r.region.name}</Link> : t('common.none')}</td>
              <td>{r.maladministrationType ? maladministrationLabel(r.maladministrationType, lang) : <span className="muted">{t('mal.unclassified')}</span>}</td>
              <td>{date(nextDue(r))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
