import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { OperationContext, TypedDocumentNode } from 'urql';
import { Link } from 'wouter';
import { useAuth } from '../auth/AuthContext';
import { AttachmentList } from '../components/Attachments';
import { AuthRequired, OverdueBadge, PageHeader, StatusBadge } from '../components/common';
import { Panel } from '../components/Panel';
import { useTopics } from '../domain/topics';
import { maladministrationLabel } from '../domain/vocabulary';
import { useFilters } from '../filters/useFilters';
import {
  REPORT_ACTIONS,
  REPORT_DETAIL,
  REPORT_REPORTER,
  REPORT_RESPONSES,
  REPORT_TIMELINE,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n, type MessageKey } from '../i18n/I18n';
import { classificationKey } from '../i18n/keys';
import { DetailList, ResponseList, TimelineList } from '../report/ReportViews';
// The citizen/staff-action dictionary, loaded with this chunk.
import '../i18n/reportMessages';
import { StaffActionsPanel } from '../report/StaffActions';

/**
 * After a lifecycle action every panel of the page asks the server again: the generation is part of
 * each query's context, so bumping it re-executes them all network-only.
 */
const RefreshContext = createContext<Partial<OperationContext> | undefined>(undefined);

/** A report panel's query: variables { id }, result inferred from the typed document. */
function useReportQuery<Data>(query: TypedDocumentNode<Data, { id: string }>, id: string) {
  const context = useContext(RefreshContext);
  return usePanelQuery({ query, variables: { id }, context });
}

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
  const [gen, setGen] = useState(0);
  const context = useMemo(() => (gen > 0 ? { requestPolicy: 'network-only' as const, gen } : undefined), [gen]);
  const refresh = useCallback(() => setGen((g) => g + 1), []);
  return (
    <RefreshContext.Provider value={context}>
      <ReportContent id={id} onChanged={refresh} />
    </RefreshContext.Provider>
  );
}

function ReportContent({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t, lang, dateTime, number } = useI18n();
  const { shared } = useFilters();
  const { label: topicLabel } = useTopics(lang);
  const { result, retry } = useReportQuery(REPORT_DETAIL, id);
  const actions = useReportQuery(REPORT_ACTIONS, id);
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
                  <dd>{t(classificationKey(r.classification))}</dd>
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
      {report ? <StaffActionsPanel result={actions.result} onRetry={actions.retry} onChanged={onChanged} /> : null}
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
  const { data, error } = useReportQuery(REPORT_REPORTER, id).result;
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
  const { t } = useI18n();
  const { result, retry } = useReportQuery(REPORT_TIMELINE, id);
  return (
    <Panel
      title={t('report.timeline')}
      service="reports"
      result={result}
      onRetry={retry}
      isEmpty={(d) => !d.report || d.report.timeline.length === 0}
      emptyText={t('report.noTimeline')}
    >
      {(data) => <TimelineList events={data.report!.timeline} />}
    </Panel>
  );
}

function ResponsesPanel({ id }: { id: string }) {
  const { t } = useI18n();
  const { result, retry } = useReportQuery(REPORT_RESPONSES, id);
  return (
    <Panel title={t('report.responses')} service="reports" result={result} onRetry={retry} isEmpty={(d) => !d.report}>
      {(data) => (
        <>
          <ResponseList responses={data.report!.responses} />
          <h3>{t('report.reporterDetails')}</h3>
          <DetailList details={data.report!.details} />
          <h3>{t('report.evidence')}</h3>
          <AttachmentList items={data.report!.attachments} />
        </>
      )}
    </Panel>
  );
}
