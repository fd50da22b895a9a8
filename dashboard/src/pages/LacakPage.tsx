import { useEffect, useId, useMemo, useState } from 'react';
import { useClient } from 'urql';
import { Link } from 'wouter';
import { AttachmentList, AttachmentUploader, type UploaderState } from '../components/Attachments';
import { nextDue, OverdueBadge, PageHeader, StatusBadge } from '../components/common';
import { TextField } from '../components/FormField';
import { Panel } from '../components/Panel';
import { useTopics } from '../domain/topics';
import { useFilters } from '../filters/useFilters';
import { ratingParams, reopenParams, textLimitParams } from '../forms/limits';
import { useMutationForm } from '../forms/useMutationForm';
import { errorCode, formErrors } from '../graphql/formErrors';
import {
  ADD_REPORT_DETAIL,
  REOPEN_REPORT,
  RATE_REPORT,
  REPORT_BY_TRACKING_ID,
  type AddReportDetailMutation,
  type AddReportDetailMutationVariables,
  type RateReportMutation,
  type RateReportMutationVariables,
  type ReopenReportMutation,
  type ReopenReportMutationVariables,
  type TrackedReport,
} from '../graphql/operations';
import { usePanelQuery } from '../graphql/usePanelQuery';
import { useI18n } from '../i18n/I18n';
import { classificationKey, explainStatusKey, ratingKey, statusKey, type Rating } from '../i18n/keys';
// The citizen/staff-action dictionary, loaded with this chunk.
import '../i18n/reportMessages';
import { lengthOk, LIMITS, rememberedTrackingId, rememberTrackingId, reopenDeadline, tidyTrackingId } from '../report/citizen';
import { DetailList, latestHoldNote, ResponseList, TimelineList } from '../report/ReportViews';

/**
 * "Lacak": the reporter follows a report with its tracking ID — status, timeline, responses — and,
 * once it is completed, rates it (once per completion) or reopens it (within 14 days). The ID is a
 * secret key: it is sent in the request body only, never put in the URL; this tab remembers it
 * (sessionStorage) until "Forget" or the tab closes.
 */
export default function LacakPage() {
  const { t, lang } = useI18n();
  const { shared } = useFilters();
  const inputId = `lacak-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [text, setText] = useState(() => rememberedTrackingId() ?? '');
  const [trackingId, setTrackingId] = useState<string | null>(() => rememberedTrackingId());
  const [notice, setNotice] = useState<string | null>(null);
  // Every search and every refresh after an action asks the server again (no cached status).
  const [gen, setGen] = useState(0);
  const context = useMemo(() => ({ requestPolicy: 'network-only' as const, gen }), [gen]);
  const { result, retry } = usePanelQuery({
    query: REPORT_BY_TRACKING_ID,
    variables: { trackingId: trackingId ?? '' },
    pause: !trackingId,
    context,
  });
  // urql keeps the previous answer while a new one loads: show it only for the ID it answered
  // (a refresh of the same report keeps the page steady; a different ID starts from loading).
  const matches = !!trackingId && (result.operation?.variables as { trackingId?: string } | undefined)?.trackingId === trackingId;
  const error = matches ? result.error : undefined;
  const report: TrackedReport | null | undefined = matches ? result.data?.reportByTrackingId : undefined;
  const badInput = errorCode(error) === 'BAD_USER_INPUT';

  // The lookup is a query (the status panel below); the form hook gives it the same checks, messages and focus.
  const lookup = useMutationForm<string, string>({
    mutate: async (raw) => ({ data: tidyTrackingId(raw) }),
    validate: (raw): Record<string, string> => (tidyTrackingId(raw) ? {} : { trackingId: t('lacak.err.empty') }),
    onSuccess: (id) => {
      setNotice(null);
      setTrackingId(id);
      setGen((g) => g + 1);
    },
    fieldId: () => inputId,
  });
  const { showErrors } = lookup;
  // A refusal of the ID itself (BAD_USER_INPUT) is shown at the field, in the UI language.
  useEffect(() => {
    if (badInput) showErrors(formErrors(error, lang, () => undefined));
  }, [badInput, error, lang, showErrors]);
  useEffect(() => {
    if (report) rememberTrackingId(report.trackingId);
  }, [report]);
  const inputError = lookup.errors.fields.trackingId ?? lookup.errors.summary ?? undefined;

  const forget = () => {
    rememberTrackingId(null);
    setTrackingId(null);
    setText('');
    setNotice(null);
    lookup.clearErrors();
    document.getElementById(inputId)?.focus();
  };

  return (
    <div className="page page-lacak">
      <PageHeader title={t('lacak.heading')} />
      <p className="lead">{t('lacak.intro')}</p>
      <form className="track-form" onSubmit={lookup.onSubmit(() => text)} noValidate role="search" aria-label={t('lacak.heading')}>
        <TextField
          id={inputId}
          label={t('lacak.trackingId')}
          value={text}
          onChange={(x) => setText(x)}
          hint={t('lacak.trackingHint')}
          error={inputError}
          placeholder="LPR-XXXX-XXXX-XXXX-X"
          autoComplete="off"
          className="track-field"
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('lacak.submit')}
          </button>
          {trackingId ? (
            <button type="button" className="button button-ghost" onClick={forget}>
              {t('lacak.forget')}
            </button>
          ) : null}
        </div>
      </form>
      <p className="muted">
        {t('lacak.noId')} <Link href={`/lapor${shared()}`}>{t('nav.lapor')}</Link>
      </p>

      <p className="sr-only" role="status" aria-live="polite">
        {report ? t('lacak.found', { status: t(statusKey(report.status)) }) : report === null ? t('lacak.notFound') : ''}
      </p>
      {trackingId && !badInput ? (
        <Panel
          title={t('lacak.status')}
          service="reports"
          result={{ fetching: result.fetching || !matches, error, data: report === undefined ? undefined : { reportByTrackingId: report } }}
          onRetry={retry}
          isEmpty={(d) => d.reportByTrackingId == null}
          emptyText={t('lacak.notFound')}
          className="panel-tracked"
        >
          {(d) => <TrackedSummary report={d.reportByTrackingId!} />}
        </Panel>
      ) : null}

      {report ? (
        <>
          {notice ? (
            <p className="notice notice-success" role="status">
              {notice}
            </p>
          ) : null}
          {report.availableActions.includes('ADD_DETAIL') ? (
            <AddDetailPanel
              report={report}
              onDone={(message) => {
                setNotice(message);
                setGen((g) => g + 1);
              }}
            />
          ) : null}
          <ReporterActions
            report={report}
            onDone={(message) => {
              setNotice(message);
              setGen((g) => g + 1);
            }}
          />
          <div className="grid-2">
            <Panel title={t('report.timeline')} service="reports" result={{ data: report, fetching: false }} isEmpty={(r) => r.timeline.length === 0} emptyText={t('report.noTimeline')}>
              {(r) => <TimelineList events={r.timeline} />}
            </Panel>
            <Panel title={t('report.responses')} service="reports" result={{ data: report, fetching: false }}>
              {(r) => (
                <>
                  <ResponseList responses={r.responses} trackingId={r.trackingId} />
                  {r.details.length > 0 ? (
                    <>
                      <h3>{t('lacak.detail.sent')}</h3>
                      <DetailList details={r.details} trackingId={r.trackingId} />
                    </>
                  ) : null}
                  <h3>{t('lacak.yourFiles')}</h3>
                  <AttachmentList items={r.attachments} trackingId={r.trackingId} />
                </>
              )}
            </Panel>
          </div>
        </>
      ) : null}
    </div>
  );
}

function TrackedSummary({ report: r }: { report: TrackedReport }) {
  const { t, lang, dateTime } = useI18n();
  const { label: topicLabel } = useTopics(lang);
  const due = nextDue(r);
  return (
    <div className="report-detail">
      <p className="tracked-status">
        <StatusBadge status={r.status} /> {r.overdue ? <OverdueBadge /> : null}
      </p>
      <p>{t(explainStatusKey(r.status))}</p>
      <h2 className="report-title">{r.title ?? t('rp.untitled')}</h2>
      {r.body ? <p className="report-body-text">{r.body}</p> : null}
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
          <dd>{r.region?.name ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('report.agency')}</dt>
          <dd>{r.agency?.name ?? t('lacak.noAgencyYet')}</dd>
        </div>
        <div>
          <dt>{t('report.submittedAt')}</dt>
          <dd>{dateTime(r.submittedAt)}</dd>
        </div>
        {due ? (
          <div>
            <dt>{t('lacak.nextDue')}</dt>
            <dd>{dateTime(due)}</dd>
          </div>
        ) : null}
        {r.completedAt ? (
          <div>
            <dt>{t('report.completedAt')}</dt>
            <dd>{dateTime(r.completedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('report.flags')}</dt>
          <dd>
            {r.anonymous ? <span className="badge badge-muted">{t('rp.anonymous')}</span> : null}
            {r.confidential ? <span className="badge badge-muted">{t('rp.confidential')}</span> : null}
            {!r.anonymous && !r.confidential ? t('common.none') : null}
          </dd>
        </div>
      </dl>
    </div>
  );
}

const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

/** Rate (once per completion) and reopen (within 14 days), offered only when the service allows them. */
function ReporterActions({ report, onDone }: { report: TrackedReport; onDone: (message: string) => void }) {
  const { t, date } = useI18n();
  const canRate = report.availableActions.includes('RATE');
  const canReopen = report.availableActions.includes('REOPEN');
  const deadline = reopenDeadline(report.completedAt);
  if (report.status !== 'COMPLETED' && !canRate && !canReopen) return null;
  return (
    <section className="panel panel-reporter-actions" aria-labelledby="reporter-actions-heading">
      <header className="panel-header">
        <h2 id="reporter-actions-heading" className="panel-title">
          {t('lacak.followUp')}
        </h2>
      </header>
      <div className="panel-body">
        {report.rating != null && !canRate ? <p>{t('lacak.rated', { rating: report.rating })}</p> : null}
        {canRate ? <RateForm report={report} onDone={onDone} /> : null}
        {canReopen ? (
          <ReopenForm report={report} deadline={deadline ? date(deadline) : ''} onDone={onDone} />
        ) : report.status === 'COMPLETED' && deadline ? (
          <p className="muted">{t('lacak.reopenClosed', { date: date(deadline) })}</p>
        ) : null}
      </div>
    </section>
  );
}

function RateForm({ report, onDone }: { report: TrackedReport; onDone: (message: string) => void }) {
  const { t, number } = useI18n();
  const client = useClient();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const form = useMutationForm<{ rating: Rating | null; comment: string }, RateReportMutation>({
    validate: (v) => {
      const e: Record<string, string> = {};
      if (v.rating == null) e.rating = t('lacak.err.rating', ratingParams(number));
      if (!lengthOk(v.comment, LIMITS.comment)) e.comment = t('lacak.err.comment', textLimitParams(number, 'comment'));
      return e;
    },
    mutate: (v) =>
      client
        .mutation<RateReportMutation, RateReportMutationVariables>(RATE_REPORT, { input: { trackingId: report.trackingId, rating: v.rating ?? 0, comment: v.comment.trim() || null } })
        .toPromise(),
    succeeded: (o) => !!o.data?.rateReport,
    onSuccess: () => onDone(t('lacak.ratedThanks')),
    fieldOrder: ['rating', 'comment'],
    fieldId: (f) => (f === 'rating' ? `rate-${uid}-1` : f === 'comment' ? `rate-${uid}-comment` : null),
  });
  const { errors } = form;

  return (
    <form className="reporter-form" onSubmit={form.onSubmit(() => ({ rating, comment }))} noValidate>
      <fieldset className={`form-field rating${errors.fields.rating ? ' has-error' : ''}`} aria-describedby={errors.fields.rating ? `rate-${uid}-error` : undefined}>
        <legend>{t('lacak.rateLegend')}</legend>
        <div className="rating-options">
          {RATINGS.map((n) => (
            <label key={n} className="rating-option">
              <input id={`rate-${uid}-${n}`} type="radio" name={`rating-${uid}`} value={n} checked={rating === n} onChange={() => setRating(n)} />
              <span>
                <strong>{n}</strong> {t(ratingKey(n))}
              </span>
            </label>
          ))}
        </div>
        {errors.fields.rating ? (
          <p id={`rate-${uid}-error`} className="field-error">
            {errors.fields.rating}
          </p>
        ) : null}
      </fieldset>
      <TextField
        id={`rate-${uid}-comment`}
        label={t('lacak.comment')}
        value={comment}
        onChange={setComment}
        multiline
        rows={3}
        maxLength={LIMITS.comment.max}
        error={errors.fields.comment}
      />
      {errors.summary && !errors.fields.rating && !errors.fields.comment ? (
        <p className="field-error" role="alert" tabIndex={-1} ref={(el) => void (form.summaryRef.current = el)}>
          {errors.summary}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={form.busy}>
        {form.busy ? t('form.sending') : t('lacak.rateSubmit')}
      </button>
    </form>
  );
}

function ReopenForm({ report, deadline, onDone }: { report: TrackedReport; deadline: string; onDone: (message: string) => void }) {
  const { t, number } = useI18n();
  const client = useClient();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [reason, setReason] = useState('');
  const fieldId = `reopen-${uid}`;
  const form = useMutationForm<string, ReopenReportMutation>({
    validate: (v): Record<string, string> => (lengthOk(v, LIMITS.reason) ? {} : { reason: t('form.err.reason', textLimitParams(number, 'reason')) }),
    mutate: (v) => client.mutation<ReopenReportMutation, ReopenReportMutationVariables>(REOPEN_REPORT, { input: { trackingId: report.trackingId, reason: v.trim() } }).toPromise(),
    succeeded: (o) => !!o.data?.reopenReport,
    onSuccess: () => {
      setReason('');
      onDone(t('lacak.reopenedThanks'));
    },
    // The form has one field: a refusal is shown there.
    adapt: (errs) => ({ ...errs, fields: { reason: errs.fields.reason ?? errs.summary ?? '' } }),
    fieldId: () => fieldId,
  });

  return (
    <form className="reporter-form" onSubmit={form.onSubmit(() => reason)} noValidate>
      <h3>{t('lacak.reopenTitle')}</h3>
      <TextField
        id={fieldId}
        label={t('lacak.reopenReason')}
        hint={t('lacak.reopenHint', { date: deadline, ...reopenParams(number) })}
        value={reason}
        onChange={setReason}
        multiline
        rows={3}
        maxLength={LIMITS.reason.max}
        error={form.errors.fields.reason}
        required
      />
      <button type="submit" className="button button-secondary" disabled={form.busy}>
        {form.busy ? t('form.sending') : t('lacak.reopenSubmit')}
      </button>
    </form>
  );
}

/**
 * The report is on hold and the reporter may answer (availableActions has ADD_DETAIL): the admin's
 * request (the latest hold note) and a form for the detail with optional files, uploaded as they are
 * chosen like on Lapor. The form waits for running uploads and sends only the returned ids.
 */
export function AddDetailPanel({ report, onDone }: { report: TrackedReport; onDone: (message: string) => void }) {
  const { t, number } = useI18n();
  const client = useClient();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const fieldId = `detail-${uid}`;
  const [detail, setDetail] = useState('');
  const [uploads, setUploads] = useState<UploaderState>({ ids: [], busy: false });
  const note = latestHoldNote(report.timeline);
  const detailError = t('lacak.detail.err', textLimitParams(number, 'detail'));
  const form = useMutationForm<{ detail: string; attachmentIds: string[] }, AddReportDetailMutation>({
    validate: (v): Record<string, string> => (lengthOk(v.detail, LIMITS.detail) ? {} : { detail: detailError }),
    mutate: (v) =>
      client
        .mutation<AddReportDetailMutation, AddReportDetailMutationVariables>(ADD_REPORT_DETAIL, {
          input: { trackingId: report.trackingId, detail: v.detail.trim(), attachmentIds: v.attachmentIds },
        })
        .toPromise(),
    succeeded: (o) => !!o.data?.addReportDetail,
    onSuccess: () => {
      setDetail('');
      onDone(t('lacak.detail.thanks'));
    },
    fieldHint: (f) => (f === 'detail' ? detailError : undefined),
    fieldOrder: ['detail', 'attachmentIds'],
    fieldId: (f) => (f === 'detail' ? fieldId : null),
    blocked: uploads.busy,
  });
  const { errors } = form;

  return (
    <section className="panel panel-add-detail" aria-labelledby={`${fieldId}-heading`}>
      <header className="panel-header">
        <h2 id={`${fieldId}-heading`} className="panel-title">
          {t('lacak.detail.title')}
        </h2>
      </header>
      <div className="panel-body">
        <div className="hold-note">
          <h3>{t('lacak.detail.note')}</h3>
          <blockquote className="timeline-note">{note ?? t('lacak.detail.noNote')}</blockquote>
        </div>
        <form className="reporter-form" onSubmit={form.onSubmit(() => ({ detail, attachmentIds: uploads.ids }))} noValidate>
          <TextField
            id={fieldId}
            label={t('lacak.detail.field')}
            hint={t('lacak.detail.hint', textLimitParams(number, 'detail'))}
            value={detail}
            onChange={setDetail}
            multiline
            rows={5}
            maxLength={LIMITS.detail.max}
            error={errors.fields.detail}
            required
          />
          <AttachmentUploader label={t('lacak.detail.files')} onChange={setUploads} error={errors.fields.attachmentIds} />
          {errors.summary && !errors.fields.detail ? (
            <p className="field-error" role="alert" tabIndex={-1} ref={(el) => void (form.summaryRef.current = el)}>
              {errors.summary}
            </p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={form.busy || uploads.busy}>
            {form.busy ? t('form.sending') : uploads.busy ? t('lacak.detail.waitUploads') : t('lacak.detail.submit')}
          </button>
        </form>
      </div>
    </section>
  );
}
