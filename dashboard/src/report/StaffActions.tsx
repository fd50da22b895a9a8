import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useClient, type TypedDocumentNode } from 'urql';
import type { DocumentNode } from 'graphql';
import { AttachmentUploader, type UploaderState } from '../components/Attachments';
import { StatusBadge } from '../components/common';
import { TextField } from '../components/FormField';
import { Panel, type QueryState } from '../components/Panel';
import { Classification, MALADMINISTRATION_TYPES, maladministrationLabel } from '../domain/vocabulary';
import { AgencyPicker } from '../filters/AgencyPicker';
import { errorCode, formErrors, NO_ERRORS, type FormErrors } from '../graphql/formErrors';
import {
  ARCHIVE_REPORT,
  CLASSIFY_REPORT,
  COMPLETE_REPORT,
  DISPOSITION_REPORT,
  FORWARD_REPORT,
  HOLD_REPORT,
  RESPOND_TO_REPORT,
  type ArchiveReportMutationVariables,
  type ClassifyReportMutationVariables,
  type CompleteReportMutationVariables,
  type DispositionReportMutationVariables,
  type ForwardReportMutationVariables,
  type HoldReportMutationVariables,
  type Maladministration,
  type ReportActionsData,
  type ReportActionsReport,
  type RespondToReportMutationVariables,
} from '../graphql/operations';
import { useI18n } from '../i18n/I18n';
import { actionDoneKey, actionFieldKey, actionHelpKey, actionKey, actionSubmitKey, classificationKey } from '../i18n/keys';
// The citizen/staff-action dictionary, loaded with this chunk.
import '../i18n/reportMessages';
import { lengthOk, LIMITS, type LengthRange } from './citizen';

/** Staff actions in the order a report moves through them. RATE / REOPEN belong to the reporter (Lacak). */
export const STAFF_ACTIONS = ['DISPOSITION', 'HOLD', 'ARCHIVE', 'FORWARD', 'RESPOND', 'COMPLETE', 'CLASSIFY'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const MUTATIONS: Record<StaffAction, DocumentNode | TypedDocumentNode> = {
  DISPOSITION: DISPOSITION_REPORT,
  HOLD: HOLD_REPORT,
  ARCHIVE: ARCHIVE_REPORT,
  FORWARD: FORWARD_REPORT,
  RESPOND: RESPOND_TO_REPORT,
  COMPLETE: COMPLETE_REPORT,
  CLASSIFY: CLASSIFY_REPORT,
};

/** Each action's input type from the schema (generated). */
interface ActionInputs {
  DISPOSITION: DispositionReportMutationVariables['input'];
  HOLD: HoldReportMutationVariables['input'];
  ARCHIVE: ArchiveReportMutationVariables['input'];
  FORWARD: ForwardReportMutationVariables['input'];
  RESPOND: RespondToReportMutationVariables['input'];
  COMPLETE: CompleteReportMutationVariables['input'];
  CLASSIFY: ClassifyReportMutationVariables['input'];
}
/** What an action's form fills in: its input without reportId / expectedVersion (runFor adds them). */
type Fields<A extends StaffAction> = A extends StaffAction ? Omit<ActionInputs[A], 'reportId' | 'expectedVersion'> : never;
type Run<A extends StaffAction = StaffAction> = (fields: Fields<A>) => Promise<FormErrors>;

/**
 * The actions the signed-in viewer may take on this report now — exactly the report's
 * `availableActions` — each with its own form. Every mutation carries the `version` the viewer saw
 * as `expectedVersion`: when someone else changed the report meanwhile the service answers
 * CONFLICT, and the page says so and reloads the report. After a success every panel reloads.
 */
export function StaffActionsPanel({ result, onRetry, onChanged }: { result: QueryState<ReportActionsData>; onRetry: () => void; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const client = useClient();
  const [open, setOpen] = useState<StaffAction | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'conflict'; text: string } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const buttons = useRef(new Map<StaffAction, HTMLButtonElement>());
  const [focusNotice, setFocusNotice] = useState(0);
  useEffect(() => {
    if (focusNotice) noticeRef.current?.focus();
  }, [focusNotice]);

  const report = result.data?.report;
  const available = STAFF_ACTIONS.filter((a) => report?.availableActions.includes(a));
  // An action that is no longer allowed (after a reload) closes its form.
  useEffect(() => {
    if (open && report && !report.availableActions.includes(open)) setOpen(null);
  }, [open, report]);

  const runFor =
    (action: StaffAction): Run =>
    async (fields) => {
      const r = report!;
      const res = await client.mutation(MUTATIONS[action], { input: { reportId: r.id, expectedVersion: r.version, ...fields } }).toPromise();
      if (res.data && !res.error) {
        setOpen(null);
        setNotice({ kind: 'success', text: t(actionDoneKey(action)) });
        setFocusNotice((n) => n + 1);
        onChanged();
        return NO_ERRORS;
      }
      if (errorCode(res.error) === 'CONFLICT') {
        setNotice({ kind: 'conflict', text: t('act.conflict') });
        setFocusNotice((n) => n + 1);
        onChanged();
        return NO_ERRORS;
      }
      return formErrors(res.error, lang);
    };

  return (
    <Panel title={t('act.title')} service="reports" result={result} onRetry={onRetry} isEmpty={(d) => d.report == null} className="panel-actions-staff">
      {(d) => {
        const r = d.report!;
        return (
          <div className="staff-actions">
            {notice ? (
              <p ref={noticeRef} tabIndex={-1} className={`notice ${notice.kind === 'conflict' ? 'notice-warn' : 'notice-success'}`} role={notice.kind === 'conflict' ? 'alert' : 'status'}>
                {notice.text}
              </p>
            ) : null}
            {available.length === 0 ? (
              <p className="muted">
                {t('act.none')} <StatusBadge status={r.status} />
              </p>
            ) : (
              <div className="action-buttons" role="group" aria-label={t('act.available')}>
                {available.map((a) => (
                  <button
                    key={a}
                    ref={(el) => {
                      if (el) buttons.current.set(a, el);
                      else buttons.current.delete(a);
                    }}
                    type="button"
                    className={`button ${open === a ? 'button-primary' : 'button-secondary'}`}
                    aria-expanded={open === a}
                    aria-controls={open === a ? `action-form-${a}` : undefined}
                    onClick={() => {
                      setOpen(open === a ? null : a);
                      setNotice(null);
                    }}
                  >
                    {t(actionKey(a))}
                  </button>
                ))}
              </div>
            )}
            {open && available.includes(open) ? (
              <ActionForm
                key={open}
                action={open}
                report={r}
                run={runFor(open)}
                onCancel={() => {
                  // Back to the button that opened the form.
                  buttons.current.get(open)?.focus();
                  setOpen(null);
                }}
              />
            ) : null}
          </div>
        );
      }}
    </Panel>
  );
}

function ActionForm({ action, report, run, onCancel }: { action: StaffAction; report: ReportActionsReport; run: Run; onCancel: () => void }) {
  const props = { report, run, onCancel };
  switch (action) {
    case 'DISPOSITION':
      return <DispositionForm {...props} />;
    case 'HOLD':
      return <TextActionForm {...props} action="HOLD" field="note" limits={LIMITS.holdNote} required />;
    case 'ARCHIVE':
      return <TextActionForm {...props} action="ARCHIVE" field="reason" limits={LIMITS.reason} required />;
    case 'FORWARD':
      return <ForwardForm {...props} />;
    case 'RESPOND':
      return <RespondForm {...props} />;
    case 'COMPLETE':
      return <TextActionForm {...props} action="COMPLETE" field="note" limits={LIMITS.optionalNote} />;
    case 'CLASSIFY':
      return <ClassifyForm {...props} />;
  }
}

interface FormProps<A extends StaffAction> {
  report: ReportActionsReport;
  run: Run<A>;
  onCancel: () => void;
}

/** Shared frame: heading, what the action does, the server's message, submit and cancel. */
function ActionFrame({
  action,
  busy,
  errors,
  onSubmit,
  children,
  submitDisabled,
  onCancel,
}: {
  action: StaffAction;
  busy: boolean;
  errors: FormErrors;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
  submitDisabled?: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select, textarea')?.focus();
  }, []);
  return (
    <form ref={formRef} id={`action-form-${action}`} className="action-form" onSubmit={onSubmit} noValidate aria-labelledby={headingId} aria-busy={busy || undefined}>
      <h3 id={headingId}>{t(actionKey(action))}</h3>
      <p className="field-hint">{t(actionHelpKey(action))}</p>
      {children}
      {errors.summary && errors.code !== 'local' ? (
        <p className="field-error" role="alert">
          {errors.summary}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || submitDisabled}>
          {busy ? t('form.sending') : t(actionSubmitKey(action))}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Submission state of one action form. */
function useSubmit<F>(run: (fields: F) => Promise<FormErrors>) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const inFlight = useRef(false);
  const submit = async (fields: F) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    const errs = await run(fields);
    inFlight.current = false;
    setBusy(false);
    setErrors(errs);
  };
  return { busy, errors, setErrors, submit };
}

const focusField = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

function TextActionForm({
  action,
  field,
  limits,
  required,
  run,
  onCancel,
}: FormProps<'HOLD' | 'ARCHIVE' | 'COMPLETE'> & { action: 'HOLD' | 'ARCHIVE' | 'COMPLETE'; field: 'note' | 'reason'; limits: LengthRange; required?: boolean }) {
  const { t } = useI18n();
  const id = `act-${action}-${field}`;
  const [text, setText] = useState('');
  const { busy, errors, setErrors, submit } = useSubmit(run);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if ((required || text.trim()) && !lengthOk(text, limits)) {
      setErrors({ fields: { [field]: t(field === 'reason' ? 'form.err.reason' : required ? 'form.err.note' : 'form.err.optionalNote') }, summary: null, code: 'local' });
      focusField(id);
      return;
    }
    const value = text.trim();
    void submit(field === 'reason' ? { reason: value } : { note: value || null });
  };
  return (
    <>
      <ActionFrame action={action} busy={busy} errors={errors} onSubmit={onSubmit} onCancel={onCancel}>
        <TextField
          id={id}
          label={t(actionFieldKey(action))}
          value={text}
          onChange={setText}
          multiline
          rows={3}
          maxLength={limits.max}
          required={required}
          error={errors.fields[field]}
        />
      </ActionFrame>
    </>
  );
}

function MaladministrationSelect({ id, value, onChange, allowClear }: { id: string; value: Maladministration | ''; onChange: (v: Maladministration | '') => void; allowClear?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Maladministration | '')}>
      <option value="">{allowClear ? t('act.clearType') : t('act.noType')}</option>
      {MALADMINISTRATION_TYPES.map((m) => (
        <option key={m} value={m}>
          {maladministrationLabel(m, lang)}
        </option>
      ))}
    </select>
  );
}

function DispositionForm({ report, run, onCancel }: FormProps<'DISPOSITION'>) {
  const { t } = useI18n();
  const [agencyId, setAgencyId] = useState<string | null>(report.suggestedAgency?.id ?? report.agency?.id ?? null);
  const [classification, setClassification] = useState(report.classification);
  const [type, setType] = useState<Maladministration | ''>(report.maladministrationType ?? '');
  const [examination, setExamination] = useState(report.examination);
  const [anonymous, setAnonymous] = useState(report.anonymous);
  const [confidential, setConfidential] = useState(report.confidential);
  const [note, setNote] = useState('');
  const { busy, errors, setErrors, submit } = useSubmit(run);
  const suggested = report.suggestedAgency;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!agencyId) local.agencyId = t('act.err.agency');
    if (note.trim() && !lengthOk(note, LIMITS.optionalNote)) local.note = t('form.err.optionalNote');
    if (Object.keys(local).length) {
      setErrors({ fields: local, summary: null, code: 'local' });
      return;
    }
    void submit({
      agencyId,
      classification,
      maladministrationType: type || null,
      examination,
      // Flags can be raised, never cleared: send them only when newly raised.
      ...(anonymous && !report.anonymous ? { anonymous: true } : {}),
      ...(confidential && !report.confidential ? { confidential: true } : {}),
      note: note.trim() || null,
    });
  };

  return (
    <>
      <ActionFrame action="DISPOSITION" busy={busy} errors={errors} onSubmit={onSubmit} onCancel={onCancel}>
        {suggested ? (
          <div className="suggestion">
            <p>
              {t('act.suggested')} <strong>{suggested.name}</strong>{' '}
              {agencyId !== suggested.id ? (
                <button type="button" className="link-button" onClick={() => setAgencyId(suggested.id)}>
                  {t('act.useSuggestion')}
                </button>
              ) : null}
            </p>
            {report.routingReasons.length > 0 ? (
              <ul className="reasons">
                {report.routingReasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <AgencyPicker
          value={agencyId}
          onChange={setAgencyId}
          label={t('act.targetAgency')}
          placeholder={t('filters.agencySearch')}
          clearLabel={t('act.clearAgency')}
          error={errors.fields.agencyId}
        />
        <div className="form-grid">
          <div className="form-field">
            <label htmlFor="act-disp-class">{t('report.classification')}</label>
            <select id="act-disp-class" value={classification} onChange={(e) => setClassification(e.target.value as typeof classification)}>
              {[Classification.PENGADUAN, Classification.ASPIRASI, Classification.PERMINTAAN_INFORMASI].map((c) => (
                <option key={c} value={c}>
                  {t(classificationKey(c))}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="act-disp-type">{t('report.type')}</label>
            <MaladministrationSelect id="act-disp-type" value={type} onChange={setType} />
          </div>
        </div>
        <fieldset className="form-field">
          <legend>{t('act.flags')}</legend>
          <label className="choice">
            <input type="checkbox" checked={examination} onChange={(e) => setExamination(e.target.checked)} />
            <span>
              <strong>{t('act.examination')}</strong>
              <span className="choice-help">{t('act.examinationHelp')}</span>
            </span>
          </label>
          <label className="choice">
            <input type="checkbox" checked={anonymous} disabled={report.anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
            <span>
              <strong>{t('rp.anonymous')}</strong>
              <span className="choice-help">{report.anonymous ? t('act.flagLocked') : t('lapor.anonymousHelp')}</span>
            </span>
          </label>
          <label className="choice">
            <input type="checkbox" checked={confidential} disabled={report.confidential} onChange={(e) => setConfidential(e.target.checked)} />
            <span>
              <strong>{t('rp.confidential')}</strong>
              <span className="choice-help">{report.confidential ? t('act.flagLocked') : t('lapor.confidentialHelp')}</span>
            </span>
          </label>
        </fieldset>
        <TextField id="act-disp-note" label={t('act.note')} value={note} onChange={setNote} multiline rows={2} maxLength={LIMITS.optionalNote.max} error={errors.fields.note} />
      </ActionFrame>
    </>
  );
}

function ForwardForm({ report, run, onCancel }: FormProps<'FORWARD'>) {
  const { t } = useI18n();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { busy, errors, setErrors, submit } = useSubmit(run);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!agencyId) local.toAgencyId = t('act.err.agency');
    else if (agencyId === report.agency?.id) local.toAgencyId = t('act.err.sameAgency');
    if (!lengthOk(reason, LIMITS.reason)) local.reason = t('form.err.reason');
    if (!agencyId || Object.keys(local).length) {
      setErrors({ fields: local, summary: null, code: 'local' });
      if (!local.toAgencyId) focusField('act-fwd-reason');
      return;
    }
    void submit({ toAgencyId: agencyId, reason: reason.trim() });
  };
  return (
    <>
      <ActionFrame action="FORWARD" busy={busy} errors={errors} onSubmit={onSubmit} onCancel={onCancel}>
        {report.agency ? <p>{t('act.currentAgency', { agency: report.agency.name })}</p> : null}
        <AgencyPicker
          value={agencyId}
          onChange={setAgencyId}
          label={t('act.forwardTo')}
          placeholder={t('filters.agencySearch')}
          clearLabel={t('act.clearAgency')}
          error={errors.fields.toAgencyId ?? errors.fields.agencyId}
        />
        <TextField
          id="act-fwd-reason"
          label={t('act.field.FORWARD')}
          hint={t('act.forwardHint')}
          value={reason}
          onChange={setReason}
          multiline
          rows={3}
          maxLength={LIMITS.reason.max}
          required
          error={errors.fields.reason}
        />
      </ActionFrame>
    </>
  );
}

function RespondForm({ run, onCancel }: FormProps<'RESPOND'>) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [uploads, setUploads] = useState<UploaderState>({ ids: [], busy: false });
  const { busy, errors, setErrors, submit } = useSubmit(run);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (uploads.busy) return;
    if (!lengthOk(body, LIMITS.response)) {
      setErrors({ fields: { body: t('act.err.response') }, summary: null, code: 'local' });
      focusField('act-resp-body');
      return;
    }
    void submit({ body: body.trim(), attachmentIds: uploads.ids });
  };
  return (
    <>
      <ActionFrame action="RESPOND" busy={busy} errors={errors} onSubmit={onSubmit} onCancel={onCancel} submitDisabled={uploads.busy}>
        <TextField
          id="act-resp-body"
          label={t('act.field.RESPOND')}
          value={body}
          onChange={setBody}
          multiline
          rows={5}
          maxLength={LIMITS.response.max}
          required
          error={errors.fields.body}
        />
        <AttachmentUploader label={t('act.evidence')} onChange={setUploads} error={errors.fields.attachmentIds} />
      </ActionFrame>
    </>
  );
}

function ClassifyForm({ report, run, onCancel }: FormProps<'CLASSIFY'>) {
  const { t } = useI18n();
  const [type, setType] = useState<Maladministration | ''>(report.maladministrationType ?? '');
  const [note, setNote] = useState('');
  const { busy, errors, setErrors, submit } = useSubmit(run);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim() && !lengthOk(note, LIMITS.optionalNote)) {
      setErrors({ fields: { note: t('form.err.optionalNote') }, summary: null, code: 'local' });
      return;
    }
    void submit({ maladministrationType: type || null, note: note.trim() || null });
  };
  return (
    <>
      <ActionFrame action="CLASSIFY" busy={busy} errors={errors} onSubmit={onSubmit} onCancel={onCancel}>
        <div className="form-field">
          <label htmlFor="act-class-type">{t('report.type')}</label>
          <MaladministrationSelect id="act-class-type" value={type} onChange={setType} allowClear />
        </div>
        <TextField id="act-class-note" label={t('act.note')} value={note} onChange={setNote} multiline rows={2} maxLength={LIMITS.optionalNote.max} error={errors.fields.note} />
      </ActionFrame>
    </>
  );
}
