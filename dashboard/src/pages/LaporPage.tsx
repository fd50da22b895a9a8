import { useEffect, useId, useRef, useState } from 'react';
import { useClient } from 'urql';
import { Link } from 'wouter';
import { AttachmentUploader, type UploaderState } from '../components/Attachments';
import { PageHeader } from '../components/common';
import { ErrorSummary, TextField } from '../components/FormField';
import { useTopics } from '../domain/topics';
import { isRegionCode } from '../filters/filters';
import { useFilters } from '../filters/useFilters';
import { fieldLabel, type TextField as TextLimit } from '@pantau/contract';
import { textLimitParams } from '../forms/limits';
import { useMutationForm, type MutationOutcome } from '../forms/useMutationForm';
import { errorCode } from '../graphql/errors';
import { SUBMIT_REPORT, type Classification, type SubmitReportData, type SubmitReportInput, type SubmitReportMutationVariables } from '../graphql/operations';
import { useI18n, type MessageKey } from '../i18n/I18n';
import { classificationHelpKey, classificationKey } from '../i18n/keys';
// The citizen/staff-action dictionary, loaded with this chunk.
import '../i18n/reportMessages';
import { EMAIL_PATTERN, lengthOk, LIMITS, newIdempotencyKey, PHONE_PATTERN, rememberTrackingId } from '../report/citizen';
import { RegionCascade, regionFocusId, RoadSelect } from '../report/LocationFields';

/** The form's own message for each field (its checks, and a server refusal that names no reason). */
const FIELD_MESSAGES: Record<string, [MessageKey, TextLimit?]> = {
  title: ['lapor.err.title', 'title'],
  body: ['lapor.err.body', 'body'],
  topic: ['lapor.err.topic'],
  classification: ['lapor.err.classification'],
  regionCode: ['lapor.err.region'],
  roadId: ['lapor.err.road'],
  'reporter.name': ['lapor.err.name', 'reporterName'],
  'reporter.email': ['lapor.err.email'],
  'reporter.phone': ['lapor.err.phone'],
  attachmentIds: ['lapor.err.attachments'],
};

const FIELD_LABELS: Record<string, MessageKey> = {
  classification: 'lapor.classification',
  title: 'lapor.title',
  body: 'lapor.body',
  topic: 'lapor.topic',
  regionCode: 'loc.region',
  roadId: 'loc.road',
  attachmentIds: 'lapor.attachments',
  'reporter.name': 'lapor.name',
  'reporter.email': 'lapor.email',
  'reporter.phone': 'lapor.phone',
};
const FIELD_ORDER = Object.keys(FIELD_LABELS);

const CLASSIFICATIONS: Classification[] = ['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI'];

interface Values {
  classification: SubmitReportInput['classification'];
  title: string;
  body: string;
  topic: string;
  region: string | null;
  roadId: string | null;
  name: string;
  email: string;
  phone: string;
  anonymous: boolean;
  confidential: boolean;
}

export interface SubmitOutcome {
  trackingId: string;
  created: boolean;
  /** The form had been changed after a send whose answer was lost: this is the report that send stored. */
  recovered: boolean;
  verificationDueAt: string | null;
}

/**
 * "Lapor": the public report form (no sign-in). Topic and region may be prefilled from the URL
 * (`?topic=JALAN&region=64.02.18`, the dashboard's shared keys); what the person types never goes
 * into the URL. On success the tracking ID is shown with a copy button.
 */
/**
 * The tracking ID split for display: lines may break only at its hyphens, and never between the last
 * group and its check character ("…-7K2P-Q" stays together).
 */
export function trackingIdParts(id: string): { head: string; tail: string } {
  const parts = id.split('-');
  if (parts.length < 3) return { head: '', tail: id };
  return { head: `${parts.slice(0, -2).join('-')}-`, tail: parts.slice(-2).join('-') };
}

export default function LaporPage() {
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="page page-lapor">
      {outcome ? (
        <SubmitSuccess
          outcome={outcome}
          onAnother={() => {
            setOutcome(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <ReportForm key={formKey} onSubmitted={setOutcome} />
      )}
    </div>
  );
}

function ReportForm({ onSubmitted }: { onSubmitted: (o: SubmitOutcome) => void }) {
  const { t, lang, number } = useI18n();
  const client = useClient();
  const { params, shared } = useFilters();
  const { topics, fetching: topicsLoading, error: topicsError } = useTopics(lang);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const fid = (field: string) => `lapor-${uid}-${field.replace('.', '-')}`;

  // Made once, when the form opens: a double click, a retry after a lost answer or a resend after
  // an error all carry it, so the service stores the report at most once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [v, setV] = useState<Values>(() => {
    const region = params.get('region');
    return {
      classification: 'PENGADUAN',
      title: '',
      body: '',
      topic: params.get('topic') ?? '',
      region: isRegionCode(region) ? region : null,
      roadId: null,
      name: '',
      email: '',
      phone: '',
      anonymous: false,
      confidential: false,
    };
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const [regionComplete, setRegionComplete] = useState(false);
  const [uploads, setUploads] = useState<UploaderState>({ ids: [], busy: false });
  /** The first send whose answer never came (it may have been stored under the key). */
  const unanswered = useRef<SubmitReportInput | null>(null);

  const topic = topics?.find((x) => x.code === v.topic);
  const fieldMessage = (field: string): string | undefined => {
    const m = FIELD_MESSAGES[field];
    return m ? t(m[0], m[1] ? textLimitParams(number, m[1]) : undefined) : undefined;
  };
  const message = (field: string) => fieldMessage(field) ?? '';

  const validate = (x: Values): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!lengthOk(x.title, LIMITS.title)) e.title = message('title');
    if (!lengthOk(x.body, LIMITS.body)) e.body = message('body');
    if (!x.topic || (topics && !topic)) e.topic = message('topic');
    if (!x.region || !regionComplete) e.regionCode = message('regionCode');
    if (x.name.trim() && !lengthOk(x.name, LIMITS.reporterName)) e['reporter.name'] = message('reporter.name');
    if (x.email.trim() && !EMAIL_PATTERN.test(x.email.trim())) e['reporter.email'] = message('reporter.email');
    if (x.phone.trim() && !PHONE_PATTERN.test(x.phone.trim())) e['reporter.phone'] = message('reporter.phone');
    return e;
  };

  const buildInput = (x: Values): SubmitReportInput => {
    const reporter = { name: x.name.trim() || undefined, email: x.email.trim() || undefined, phone: x.phone.trim() || undefined };
    return {
      title: x.title.trim(),
      body: x.body.trim(),
      topic: x.topic,
      classification: x.classification,
      regionCode: x.region ?? '',
      roadId: topic?.asset && x.roadId ? x.roadId : null,
      reporter: reporter.name || reporter.email || reporter.phone ? reporter : null,
      anonymous: x.anonymous,
      confidential: x.confidential,
      attachmentIds: uploads.ids,
      idempotencyKey,
    };
  };

  const send = async (input: SubmitReportInput, recovering: boolean): Promise<MutationOutcome<SubmitOutcome>> => {
    const res = await client.mutation<SubmitReportData, SubmitReportMutationVariables>(SUBMIT_REPORT, { input }).toPromise();
    const payload = res.data?.submitReport;
    if (payload) {
      unanswered.current = null;
      return { data: { trackingId: payload.report.trackingId, created: payload.created, recovered: recovering, verificationDueAt: payload.report.verificationDueAt } };
    }
    const code = errorCode(res.error);
    // The key is already taken by a different form content: an earlier send was stored although its
    // answer was lost. Ask again with exactly that content to get its report (no second report).
    if (code === 'CONFLICT' && unanswered.current && !recovering) return send(unanswered.current, true);
    if (code !== 'BAD_USER_INPUT' && code !== 'CONFLICT' && !unanswered.current) unanswered.current = input;
    return { error: res.error };
  };

  const form = useMutationForm<Values, SubmitOutcome>({
    mutate: (x) => send(buildInput(x), false),
    validate,
    onSuccess: (outcome) => {
      rememberTrackingId(outcome.trackingId);
      onSubmitted(outcome);
    },
    fieldHint: fieldMessage,
    adapt: (errs) => (errs.code === 'network' ? { ...errs, summary: t('lapor.networkError') } : errs),
    // The summary lists every problem, each a link to its field.
    focus: 'summary',
    blocked: uploads.busy,
  });
  const { errors, busy: submitting } = form;

  const err = errors.fields;
  const summaryItems = FIELD_ORDER.filter((f) => err[f])
    .map((f) => ({ id: f === 'regionCode' ? regionFocusId(fid('region'), v.region) : fid(f), label: t(FIELD_LABELS[f]), message: err[f] }))
    .concat(
      Object.keys(err)
        .filter((f) => !FIELD_LABELS[f])
        .map((f) => ({ id: fid('title'), label: fieldLabel(lang, f), message: err[f] })),
    );
  const hasErrors = errors.summary != null || summaryItems.length > 0;

  return (
    <>
      <PageHeader title={t('lapor.heading')} />
      <p className="lead">{t('lapor.intro')}</p>
      <p className="muted">
        {t('lapor.trackHint')} <Link href={`/lacak${shared()}`}>{t('nav.lacak')}</Link>
      </p>
      {hasErrors ? (
        <ErrorSummary
          summaryRef={(el) => void (form.summaryRef.current = el)}
          title={errors.code === 'network' ? t('lapor.notSentTitle') : t('form.errorTitle')}
          // Refused fields are listed below, each with its message: the summary line would repeat the first.
          summary={errors.code === 'local' || (errors.code === 'BAD_USER_INPUT' && summaryItems.length > 0) ? null : errors.summary}
          items={summaryItems}
        />
      ) : null}
      <form className="report-form" onSubmit={form.onSubmit(() => v)} noValidate aria-busy={submitting || undefined}>
        <section className="form-section" aria-labelledby={`${fid('s1')}`}>
          <h2 id={fid('s1')}>{t('lapor.section.what')}</h2>
          <fieldset className="form-field choice-group" id={fid('classification')}>
            <legend>
              {t('lapor.classification')} <span className="field-marker">{t('form.required')}</span>
            </legend>
            {CLASSIFICATIONS.map((c) => (
              <label key={c} className="choice">
                <input type="radio" name={`${uid}-classification`} value={c} checked={v.classification === c} onChange={() => set('classification', c)} />
                <span>
                  <strong>{t(classificationKey(c))}</strong>
                  <span className="choice-help">{t(classificationHelpKey(c))}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <TextField
            id={fid('title')}
            label={t('lapor.title')}
            value={v.title}
            onChange={(x) => set('title', x)}
            hint={t('lapor.titleHint')}
            error={err.title}
            maxLength={LIMITS.title.max}
            required
          />
          <TextField
            id={fid('body')}
            label={t('lapor.body')}
            value={v.body}
            onChange={(x) => set('body', x)}
            hint={t('lapor.bodyHint')}
            error={err.body}
            maxLength={LIMITS.body.max}
            multiline
            rows={7}
            required
          />
          <div className={`form-field${err.topic ? ' has-error' : ''}`}>
            <label htmlFor={fid('topic')}>
              {t('lapor.topic')} <span className="field-marker">{t('form.required')}</span>
            </label>
            <select
              id={fid('topic')}
              value={topic ? v.topic : ''}
              onChange={(e) => set('topic', e.target.value)}
              disabled={topicsLoading && !topics}
              aria-invalid={err.topic ? true : undefined}
              aria-describedby={err.topic || topicsError ? `${fid('topic')}-error` : undefined}
            >
              <option value="">{topicsLoading && !topics ? t('panel.loading') : t('lapor.chooseTopic')}</option>
              {(topics ?? []).map((x) => (
                <option key={x.code} value={x.code}>
                  {lang === 'en' ? x.labelEn : x.labelId}
                </option>
              ))}
            </select>
            {err.topic || (topicsError && !topics) ? (
              <p id={`${fid('topic')}-error`} className="field-error">
                {err.topic ?? t('filters.loadFailed')}
              </p>
            ) : null}
          </div>
        </section>

        <section className="form-section" aria-labelledby={fid('s2')}>
          <h2 id={fid('s2')}>{t('lapor.section.where')}</h2>
          <RegionCascade
            idPrefix={fid('region')}
            value={v.region}
            onChange={(code) => set('region', code)}
            onCompleteChange={setRegionComplete}
            error={err.regionCode}
          />
          {topic?.asset && v.region && v.region.includes('.') ? (
            <RoadSelect id={fid('roadId')} regionCode={v.region} value={v.roadId} onChange={(id) => set('roadId', id)} error={err.roadId} />
          ) : null}
        </section>

        <section className="form-section" aria-labelledby={fid('s3')}>
          <h2 id={fid('s3')}>{t('lapor.section.files')}</h2>
          <div id={fid('attachmentIds')} tabIndex={-1}>
            <AttachmentUploader label={t('lapor.attachments')} onChange={setUploads} error={err.attachmentIds} />
          </div>
        </section>

        <section className="form-section" aria-labelledby={fid('s4')}>
          <h2 id={fid('s4')}>{t('lapor.section.who')}</h2>
          <p className="field-hint">{t('lapor.contactHint')}</p>
          <div className="form-grid">
            <TextField id={fid('reporter.name')} label={t('lapor.name')} value={v.name} onChange={(x) => set('name', x)} error={err['reporter.name']} autoComplete="name" />
            <TextField
              id={fid('reporter.email')}
              label={t('lapor.email')}
              type="email"
              inputMode="email"
              value={v.email}
              onChange={(x) => set('email', x)}
              error={err['reporter.email']}
              autoComplete="email"
            />
            <TextField
              id={fid('reporter.phone')}
              label={t('lapor.phone')}
              type="tel"
              inputMode="tel"
              value={v.phone}
              onChange={(x) => set('phone', x)}
              error={err['reporter.phone']}
              hint={t('lapor.phoneHint')}
              autoComplete="tel"
            />
          </div>
          <fieldset className="form-field privacy-flags">
            <legend>{t('lapor.privacy')}</legend>
            <label className="choice">
              <input type="checkbox" checked={v.anonymous} onChange={(e) => set('anonymous', e.target.checked)} aria-describedby={fid('anonHelp')} />
              <span>
                <strong>{t('lapor.anonymous')}</strong>
                <span className="choice-help" id={fid('anonHelp')}>
                  {t('lapor.anonymousHelp')}
                </span>
              </span>
            </label>
            <label className="choice">
              <input type="checkbox" checked={v.confidential} onChange={(e) => set('confidential', e.target.checked)} aria-describedby={fid('confHelp')} />
              <span>
                <strong>{t('lapor.confidential')}</strong>
                <span className="choice-help" id={fid('confHelp')}>
                  {t('lapor.confidentialHelp')}
                </span>
              </span>
            </label>
            <p className="field-hint">{t('lapor.flagsFinal')}</p>
          </fieldset>
        </section>

        <div className="form-actions">
          <button type="submit" className="button button-primary button-large" disabled={submitting || uploads.busy}>
            {submitting ? t('lapor.submitting') : t('lapor.submit')}
          </button>
          <span className="muted small" role="status" aria-live="polite">
            {uploads.busy ? t('lapor.waitUploads') : submitting ? t('lapor.submitting') : ''}
          </span>
        </div>
      </form>
    </>
  );
}

function SubmitSuccess({ outcome, onAnother }: { outcome: SubmitOutcome; onAnother: () => void }) {
  const { t, dateTime } = useI18n();
  const { shared } = useFilters();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const idRef = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'manual'>('idle');
  useEffect(() => headingRef.current?.focus(), []);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(outcome.trackingId);
      setCopy('copied');
    } catch {
      // No clipboard permission (or an old browser): select the ID so Ctrl+C copies it.
      const el = idRef.current;
      const selection = window.getSelection();
      if (el && selection) {
        const range = document.createRange();
        range.selectNodeContents(el);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopy('manual');
    }
  };

  return (
    <section className="panel submit-success" aria-labelledby="lapor-success-heading" data-testid="submit-success">
      <div className="panel-body">
        <h1 id="lapor-success-heading" ref={headingRef} tabIndex={-1}>
          {t('lapor.successTitle')}
        </h1>
        {!outcome.created ? <p className="notice notice-info">{t('lapor.alreadySent')}</p> : null}
        {outcome.recovered ? <p className="notice notice-info">{t('lapor.recovered')}</p> : null}
        <p>{t('lapor.yourId')}</p>
        <div className="tracking-box">
          <strong className="tracking-id mono" ref={idRef} data-testid="tracking-id">
            {trackingIdParts(outcome.trackingId).head}
            <span className="nowrap">{trackingIdParts(outcome.trackingId).tail}</span>
          </strong>
          <button type="button" className="button button-secondary" onClick={onCopy}>
            {copy === 'copied' ? t('lapor.copied') : t('lapor.copy')}
          </button>
        </div>
        <p className="copy-status" role="status" aria-live="polite">
          {copy === 'copied' ? t('lapor.copiedLong') : copy === 'manual' ? t('lapor.copyManual') : ''}
        </p>
        <div className="notice notice-warn" role="note">
          <p>
            <strong>{t('lapor.keepTitle')}</strong>
          </p>
          <p>{t('lapor.keepBody')}</p>
        </div>
        {outcome.verificationDueAt ? <p>{t('lapor.next', { date: dateTime(outcome.verificationDueAt) })}</p> : null}
        <div className="form-actions">
          <Link href={`/lacak${shared()}`} className="button button-primary">
            {t('lapor.trackThis')}
          </Link>
          <button type="button" className="button button-secondary" onClick={onAnother}>
            {t('lapor.another')}
          </button>
        </div>
      </div>
    </section>
  );
}
