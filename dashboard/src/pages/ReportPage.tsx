import { useState } from 'react';
import { Link } from 'wouter';
import { Icon } from '../components/Icon';
import { useAuth } from '../auth/AuthContext';
import { AuthRequired, OverdueBadge, PageHeader, StatusBadge } from '../components/common';
import { Panel } from '../components/Panel';
import { useTopics } from '../domain/topics';
import { maladministrationLabel, ReportEventType } from '../domain/vocabulary';
import { useFilters } from '../filters/useFilters';
import { requestHeaders } from '../graphql/client';
import { downloadBlob } from '../export/csv';
import {
  REPORT_DETAIL,
  REPORT_REPORTER,
  REPORT_RESPONSES,
  REPORT_TIMELINE,
  type Attachment,
  type ReportDetailData,
  type ReportReporterData,
  type ReportResponsesData,
  type ReportTimelineData,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n, type MessageKey } from '../i18n/I18n';

/** One report: details and due dates, timeline, responses with their evidence — separate panels. */
export default function ReportPage({ params }: { params: { id?: string } }) {
  const { session } = useAuth();
  const { t } = useI18n();
  const id = decodeURIComponent(params.id ?? '');
  if (!session) {
    return (
      <div className="page page-report">
        <PageHeader title={t('report.details')} />
        <AuthRequired />
      </div>
    );
  }
  return <ReportView id={id} />;
}

function ReportView({ id }: { id: string }) {
  const { t, lang, dateTime, number } = useI18n();
  const { shared } = useFilters();
  const { label: topicLabel } = useTopics(lang);
  const { result, retry } = usePanelQuery<ReportDetailData>({ query: REPORT_DETAIL, variables: { id } });
  const report = result.data?.report;

  const due = (label: MessageKey, dueAt: string | null, doneAt: string | null) => {
    const late = dueAt && !doneAt && new Date(dueAt) < new Date();
    const lateDone = dueAt && doneAt && new Date(doneAt) > new Date(dueAt);
    return (
      <div className={late ? 'due-late' : undefined}>
        <dt>{t(label)}</dt>
        <dd>
          {dateTime(dueAt)}
          {late ? <OverdueBadge /> : null}
          {lateDone ? <span className="badge badge-warn">{t('rt.late')}</span> : null}
        </dd>
      </div>
    );
  };

  return (
    <div className="page page-report">
      <p className="breadcrumb">
        <Link href={`/reports${shared()}`}>← {t('report.back')}</Link>
      </p>
      <PageHeader title={report ? t('report.title', { trackingId: report.trackingId }) : t('report.details')}>
        {report ? <StatusBadge status={report.status} /> : null}
        {report?.overdue ? <OverdueBadge /> : null}
      </PageHeader>
      <Panel
        title={t('report.details')}
        service="reports"
        result={result}
        onRetry={retry}
        isEmpty={(d) => d.report == null}
        emptyText={t('report.notFound')}
      >
        {(data) => {
          const r = data.report!;
          return (
            <div className="report-detail">
              <h2 className="report-title">{r.title ?? <span className="muted">{r.confidential ? t('rp.hidden') : t('rp.untitled')}</span>}</h2>
              {r.body ? (
                <div className="report-body">
                  <h3 className="sr-only">{t('report.body')}</h3>
                  <p>{r.body}</p>
                </div>
              ) : null}
              <dl className="facts">
                <div>
                  <dt>{t('rp.trackingId')}</dt>
                  <dd className="mono">{r.trackingId}</dd>
                </div>
                <div>
                  <dt>{t('report.classification')}</dt>
                  <dd>{t(`class.${r.classification}` as MessageKey)}</dd>
                </div>
                <div>
                  <dt>{t('report.topic')}</dt>
                  <dd>{topicLabel(r.topic)}</dd>
                </div>
                <div>
                  <dt>{t('report.region')}</dt>
                  <dd>{r.region ? <Link href={`/regions/${r.region.code}${shared()}`}>{r.region.name}</Link> : t('common.none')}</dd>
                </div>
                <div>
                  <dt>{t('report.agency')}</dt>
                  <dd>{r.agency ? <Link href={`/agencies/${encodeURIComponent(r.agency.id)}${shared()}`}>{r.agency.name}</Link> : t('common.none')}</dd>
                </div>
                <div>
                  <dt>{t('report.type')}</dt>
                  <dd>{r.maladministrationType ? maladministrationLabel(r.maladministrationType, lang) : t('mal.unclassified')}</dd>
                </div>
                <div>
                  <dt>{t('report.forwardCount')}</dt>
                  <dd>{number(r.forwardCount)}</dd>
                </div>
                <div>
                  <dt>{t('report.rating')}</dt>
                  <dd>{r.rating != null ? `${r.rating}/5` : t('common.none')}</dd>
                </div>
                <div>
                  <dt>{t('report.flags')}</dt>
                  <dd>
                    {r.anonymous ? <span className="badge badge-muted">{t('rp.anonymous')}</span> : null}
                    {r.confidential ? <span className="badge badge-muted">{t('rp.confidential')}</span> : null}
                    {!r.anonymous && !r.confidential ? t('common.none') : null}
                  </dd>
                </div>
                <ReporterFact id={r.id} />
              </dl>
              <h3>{t('report.dates')}</h3>
              <dl className="facts">
                <div>
                  <dt>{t('report.submittedAt')}</dt>
                  <dd>{dateTime(r.submittedAt)}</dd>
                </div>
                {due('report.verificationDueAt', r.verificationDueAt, r.dispositionedAt)}
                <div>
                  <dt>{t('report.dispositionedAt')}</dt>
                  <dd>{dateTime(r.dispositionedAt)}</dd>
                </div>
                {due('report.responseDueAt', r.responseDueAt, r.firstResponseAt)}
                <div>
                  <dt>{t('report.firstResponseAt')}</dt>
                  <dd>{dateTime(r.firstResponseAt)}</dd>
                </div>
                {due('report.completionDueAt', r.completionDueAt, r.completedAt)}
                <div>
                  <dt>{t('report.completedAt')}</dt>
                  <dd>{dateTime(r.completedAt)}</dd>
                </div>
              </dl>
            </div>
          );
        }}
      </Panel>
      {report ? (
        <div className="grid-2">
          <TimelinePanel id={report.id} />
          <ResponsesPanel id={report.id} />
        </div>
      ) : null}
    </div>
  );
}

/** The reporter's identity: null from the server wherever the viewer may not see it. */
function ReporterFact({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error } = usePanelQuery<ReportReporterData>({ query: REPORT_REPORTER, variables: { id } }).result;
  const reporter = data?.report?.reporter;
  const parts = reporter ? [reporter.name, reporter.email, reporter.phone].filter(Boolean) : [];
  return (
    <div>
      <dt>{t('report.reporter')}</dt>
      <dd>{parts.length ? parts.join(' · ') : <span className="muted">{error ? t('common.none') : t('report.reporterHidden')}</span>}</dd>
    </div>
  );
}

function TimelinePanel({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const { result, retry } = usePanelQuery<ReportTimelineData>({ query: REPORT_TIMELINE, variables: { id } });
  return (
    <Panel
      title={t('report.timeline')}
      service="reports"
      result={result}
      onRetry={retry}
      isEmpty={(d) => !d.report || d.report.timeline.length === 0}
      emptyText={t('report.noTimeline')}
    >
      {(data) => (
        <ol className="timeline">
          {[...data.report!.timeline]
            .sort((a, b) => a.at.localeCompare(b.at))
            .map((e) => (
              <li key={e.id} className={`timeline-event event-${e.type}`}>
                <time dateTime={e.at}>{dateTime(e.at)}</time>
                <div>
                  <strong>{eventLabel(t, e.type)}</strong>
                  {e.actorRole ? <span className="muted"> · {roleLabel(t, e.actorRole)}</span> : null}
                  {e.toStatus ? (
                    <span className="muted">
                      {' '}
                      → <StatusBadge status={e.toStatus} />
                    </span>
                  ) : null}
                  {e.note ? <p className="timeline-note">{e.note}</p> : null}
                </div>
              </li>
            ))}
        </ol>
      )}
    </Panel>
  );
}

const EVENT_TYPES = new Set(Object.values(ReportEventType) as string[]);
function eventLabel(t: (k: MessageKey) => string, type: string): string {
  return EVENT_TYPES.has(type) ? t(`event.${type}` as MessageKey) : type;
}

function roleLabel(t: (k: MessageKey) => string, role: string): string {
  return ['ADMIN', 'LIAISON', 'OMBUDSMAN', 'LEADERSHIP', 'REPORTER', 'SYSTEM'].includes(role) ? t(`role.${role}` as MessageKey) : role;
}

function AttachmentList({ items }: { items: Attachment[] }) {
  const { t, number } = useI18n();
  if (items.length === 0) return <p className="muted">{t('report.noAttachments')}</p>;
  return (
    <ul className="attachments">
      {items.map((a) => (
        <li key={a.id}>
          <Icon name="file" /> <AttachmentDownload attachment={a} />{' '}
          <span className="muted small">
            {a.contentType} · {number(Math.max(1, Math.round(a.size / 1024)))} KB
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Attachments are served by the reports service behind the viewer's credentials, so a plain link
 * would not do: fetch with the Bearer token and hand the browser the file.
 */
function AttachmentDownload({ attachment }: { attachment: Attachment }) {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  if (!attachment.url) return <span>{attachment.filename}</span>;
  const onClick = async () => {
    setState('busy');
    try {
      const res = await fetch(attachment.url!, { headers: requestHeaders(session?.token ?? null, lang) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      downloadBlob(attachment.filename, await res.blob());
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="link-button" onClick={onClick} disabled={state === 'busy'} aria-label={`${t('report.download')}: ${attachment.filename}`}>
        {attachment.filename}
      </button>
      {state === 'failed' ? <span className="field-error"> {t('report.downloadFailed')}</span> : null}
    </>
  );
}

function ResponsesPanel({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const { result, retry } = usePanelQuery<ReportResponsesData>({ query: REPORT_RESPONSES, variables: { id } });
  return (
    <Panel title={t('report.responses')} service="reports" result={result} onRetry={retry} isEmpty={(d) => !d.report}>
      {(data) => (
        <>
          {data.report!.responses.length === 0 ? (
            <p className="muted">{t('report.noResponses')}</p>
          ) : (
            <ol className="responses">
              {data.report!.responses.map((r) => (
                <li key={r.id} className="response">
                  <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>
                  {r.agency ? <span className="muted"> · {r.agency.name}</span> : null}
                  <p>{r.body ?? <span className="muted">{t('rp.hidden')}</span>}</p>
                  {r.attachments.length > 0 ? <AttachmentList items={r.attachments} /> : null}
                </li>
              ))}
            </ol>
          )}
          <h3>{t('report.evidence')}</h3>
          <AttachmentList items={data.report!.attachments} />
        </>
      )}
    </Panel>
  );
}
