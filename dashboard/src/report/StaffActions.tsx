import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useClient, type TypedDocumentNode } from 'urql';
import type { DocumentNode } from 'graphql';
import { AttachmentUploader, type UploaderState } from '../components/Attachments';
import { StatusBadge } from '../components/common';
import { TextField } from '../components/FormField';
import { Panel, type QueryState } from '../components/Panel';
import { MALADMINISTRATION_TYPES, maladministrationLabel } from '../domain/vocabulary';
import { AgencyPicker } from '../filters/AgencyPicker';
import { errorCode } from '../graphql/errors';
import type { FormErrors } from '../graphql/formErrors';
import { textLimitParams, reopenParams } from '../forms/limits';
import { useMutationForm, type MutationOutcome } from '../forms/useMutationForm';
import {
  ARCHIVE_REPORT,
  CLASSIFY_REPORT,
  COMPLETE_REPORT,
  DISPOSITION_REPORT,
  FORWARD_REPORT,
  HOLD_REPORT,
  RESPOND_TO_REPORT,
  type ArchiveReportMutationVariables,
  type Classification,
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
import { actionDoneKey, actionFieldKey, actionHelpKey, actionKey, actionSubmitKey, classificationKey, type StaffAction } from '../i18n/keys';
// The citizen/staff-action dictionary, loaded with this chunk.
import '../i18n/reportMessages';
import { lengthOk, LIMITS } from './citizen';

const CLASSIFICATIONS: readonly Classification[] = ['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI'];

/** Staff actions in the order a report moves through them. RATE / REOPEN belong to the reporter (Lacak). */
export const STAFF_ACTIONS: readonly StaffAction[] = ['DISPOSITION', 'HOLD', 'ARCHIVE', 'FORWARD', 'RESPOND', 'COMPLETE', 'CLASSIFY'];
export type { StaffAction };

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
/** How an action form sends its fields and what the panel does with the answer. */
interface Runner<A extends StaffAction = StaffAction> {
  mutate: (fields: Fields<A>) => Promise<MutationOutcome<unknown>>;
  onSuccess: () => void;
  onFailure: (outcome: MutationOutcome<unknown>) => boolean;
}

/**
 * The actions the signed-in viewer may take on this report now — exactly the report's
 * `availableActions` — each with its own form. Every mutation carries the `version` the viewer saw
 * as `expectedVersion`: when someone else changed the report meanwhile the service answers
 * CONFLICT, and the page says so and reloads the report. After a success every panel reloads.
 */
export function StaffActionsPanel({ result, onRetry, onChanged }: { result: QueryState<ReportActionsData>; onRetry: () => void; onChanged: () => void }) {
  const { t } = useI18n();
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

  const runner = (action: StaffAction): Runner => ({
    mutate: (fields) => {
      const r = report!;
      return client.mutation(MUTATIONS[action], { input: { reportId: r.id, expectedVersion: r.version, ...fields } }).toPromise();
    },
    onSuccess: () => {
      setOpen(null);
      setNotice({ kind: 'success', text: t(actionDoneKey(action)) });
      setFocusNotice((n) => n + 1);
      onChanged();
    },
    // Someone else changed the report meanwhile: say so and reload (the form shows no error of its own).
    onFailure: (outcome) => {
      if (errorCode(outcome.error) !== 'CONFLICT') return false;
      setNotice({ kind: 'conflict', text: t('act.conflict') });
      setFocusNotice((n) => n + 1);
      onChanged();
      return true;
    },
  });

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
                runner={runner(open)}
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

function ActionForm({ action, report, runner, onCancel }: { action: StaffAction; report: ReportActionsReport; runner: Runner; onCancel: () => void }) {
  const props = { report, runner, onCancel };
  switch (action) {
    case 'DISPOSITION':
      return <DispositionForm {...props} />;
    case 'HOLD':
      return <TextActionForm {...props} action="HOLD" field="note" limit="holdNote" required />;
    case 'ARCHIVE':
      return <TextActionForm {...props} action="ARCHIVE" field="reason" limit="reason" required />;
    case 'FORWARD':
      return <ForwardForm {...props} />;
    case 'RESPOND':
      return <RespondForm {...props} />;
    case 'COMPLETE':
      return <TextActionForm {...props} action="COMPLETE" field="note" limit="optionalNote" />;
    case 'CLASSIFY':
      return <ClassifyForm {...props} />;
  }
}

interface FormProps<A extends StaffAction> {
  report: ReportActionsReport;
  runner: Runner<A>;
  onCancel: () => void;
}

/** Shared frame: heading, what the action does, the server's message, submit and cancel. */
function ActionFrame({
  action,
  busy,
  errors,
  summaryRef,
  onSubmit,
  children,
  submitDisabled,
  onCancel,
}: {
  action: StaffAction;
  busy: boolean;
  errors: FormErrors;
  summaryRef: RefObject<HTMLElement | null>;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
  submitDisabled?: boolean;
  onCancel: () => void;
}) {
  const { t, number } = useI18n();
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select, textarea')?.focus();
  }, []);
  return (
    <form ref={formRef} id={`action-form-${action}`} className="action-form" onSubmit={onSubmit} noValidate aria-labelledby={headingId} aria-busy={busy || undefined}>
      <h3 id={headingId}>{t(actionKey(action))}</h3>
      <p className="field-hint">{t(actionHelpKey(action), reopenParams(number))}</p>
      {children}
      {errors.summary && errors.code !== 'local' ? (
        <p className="field-error" role="alert" tabIndex={-1} ref={(el) => void (summaryRef.current = el)}>
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

/**
 * An action form's submission (useMutationForm): the panel's mutation with reportId and
 * expectedVersion, its success and CONFLICT handling, focus on the first invalid field.
 */
function useActionForm<A extends StaffAction, V>(
  runner: Runner<A>,
  toFields: (values: V) => Fields<A>,
  options: { validate: (values: V) => Record<string, string>; fieldId: (field: string) => string | null; fieldOrder: readonly string[] },
) {
  return useMutationForm<V, unknown>({
    mutate: (values) => runner.mutate(toFields(values)),
    onSuccess: runner.onSuccess,
    onFailure: runner.onFailure,
    ...options,
  });
}

function TextActionForm({
  action,
  field,
  limit,
  required,
  runner,
  onCancel,
}: FormProps<'HOLD' | 'ARCHIVE' | 'COMPLETE'> & { action: 'HOLD' | 'ARCHIVE' | 'COMPLETE'; field: 'note' | 'reason'; limit: 'holdNote' | 'reason' | 'optionalNote'; required?: boolean }) {
  const { t, number } = useI18n();
  const id = `act-${action}-${field}`;
  const [text, setText] = useState('');
  const message = field === 'reason' ? 'form.err.reason' : required ? 'form.err.note' : 'form.err.optionalNote';
  const form = useActionForm(runner, (value: string) => (field === 'reason' ? { reason: value.trim() } : { note: value.trim() || null }), {
    validate: (value) => ((required || value.trim()) && !lengthOk(value, LIMITS[limit]) ? { [field]: t(message, textLimitParams(number, limit)) } : {}),
    fieldId: () => id,
    fieldOrder: [field],
  });
  return (
    <ActionFrame action={action} busy={form.busy} errors={form.errors} summaryRef={form.summaryRef} onSubmit={form.onSubmit(() => text)} onCancel={onCancel}>
      <TextField
        id={id}
        label={t(actionFieldKey(action))}
        value={text}
        onChange={setText}
        multiline
        rows={3}
        maxLength={LIMITS[limit].max}
        required={required}
        error={form.errors.fields[field]}
      />
    </ActionFrame>
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

function DispositionForm({ report, runner, onCancel }: FormProps<'DISPOSITION'>) {
  const { t, number } = useI18n();
  const [agencyId, setAgencyId] = useState<string | null>(report.suggestedAgency?.id ?? report.agency?.id ?? null);
  const [classification, setClassification] = useState(report.classification);
  const [type, setType] = useState<Maladministration | ''>(report.maladministrationType ?? '');
  const [examination, setExamination] = useState(report.examination);
  const [anonymous, setAnonymous] = useState(report.anonymous);
  const [confidential, setConfidential] = useState(report.confidential);
  const [note, setNote] = useState('');
  const suggested = report.suggestedAgency;
  const values = { agencyId, classification, type, examination, anonymous, confidential, note };
  const form = useActionForm(
    runner,
    (v: typeof values) => ({
      agencyId: v.agencyId,
      classification: v.classification,
      maladministrationType: v.type || null,
      examination: v.examination,
      // Flags can be raised, never cleared: send them only when newly raised.
      ...(v.anonymous && !report.anonymous ? { anonymous: true } : {}),
      ...(v.confidential && !report.confidential ? { confidential: true } : {}),
      note: v.note.trim() || null,
    }),
    {
      validate: (v) => {
        const local: Record<string, string> = {};
        if (!v.agencyId) local.agencyId = t('act.err.agency');
        if (v.note.trim() && !lengthOk(v.note, LIMITS.optionalNote)) local.note = t('form.err.optionalNote', textLimitParams(number, 'optionalNote'));
        return local;
      },
      fieldId: (f) => (f === 'agencyId' ? 'act-disp-agency' : f === 'note' ? 'act-disp-note' : null),
      fieldOrder: ['agencyId', 'note'],
    },
  );

  return (
    <ActionFrame action="DISPOSITION" busy={form.busy} errors={form.errors} summaryRef={form.summaryRef} onSubmit={form.onSubmit(() => values)} onCancel={onCancel}>
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
      <div id="act-disp-agency">
        <AgencyPicker
          value={agencyId}
          onChange={setAgencyId}
          label={t('act.targetAgency')}
          placeholder={t('filters.agencySearch')}
          clearLabel={t('act.clearAgency')}
          error={form.errors.fields.agencyId}
        />
      </div>
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor="act-disp-class">{t('report.classification')}</label>
          <select id="act-disp-class" value={classification} onChange={(e) => setClassification(CLASSIFICATIONS.find((c) => c === e.target.value) ?? classification)}>
            {CLASSIFICATIONS.map((c) => (
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
      <TextField id="act-disp-note" label={t('act.note')} value={note} onChange={setNote} multiline rows={2} maxLength={LIMITS.optionalNote.max} error={form.errors.fields.note} />
    </ActionFrame>
  );
}

function ForwardForm({ report, runner, onCancel }: FormProps<'FORWARD'>) {
  const { t, number } = useI18n();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const form = useActionForm(runner, (v: { agencyId: string | null; reason: string }) => ({ toAgencyId: v.agencyId ?? '', reason: v.reason.trim() }), {
    validate: (v) => {
      const local: Record<string, string> = {};
      if (!v.agencyId) local.toAgencyId = t('act.err.agency');
      else if (v.agencyId === report.agency?.id) local.toAgencyId = t('act.err.sameAgency');
      if (!lengthOk(v.reason, LIMITS.reason)) local.reason = t('form.err.reason', textLimitParams(number, 'reason'));
      return local;
    },
    fieldId: (f) => (f === 'toAgencyId' || f === 'agencyId' ? 'act-fwd-agency' : f === 'reason' ? 'act-fwd-reason' : null),
    fieldOrder: ['toAgencyId', 'agencyId', 'reason'],
  });
  return (
    <ActionFrame action="FORWARD" busy={form.busy} errors={form.errors} summaryRef={form.summaryRef} onSubmit={form.onSubmit(() => ({ agencyId, reason }))} onCancel={onCancel}>
      {report.agency ? <p>{t('act.currentAgency', { agency: report.agency.name })}</p> : null}
      <div id="act-fwd-agency">
        <AgencyPicker
          value={agencyId}
          onChange={setAgencyId}
          label={t('act.forwardTo')}
          placeholder={t('filters.agencySearch')}
          clearLabel={t('act.clearAgency')}
          error={form.errors.fields.toAgencyId ?? form.errors.fields.agencyId}
        />
      </div>
      <TextField
        id="act-fwd-reason"
        label={t(actionFieldKey('FORWARD'))}
        hint={t('act.forwardHint')}
        value={reason}
        onChange={setReason}
        multiline
        rows={3}
        maxLength={LIMITS.reason.max}
        required
        error={form.errors.fields.reason}
      />
    </ActionFrame>
  );
}

function RespondForm({ runner, onCancel }: FormProps<'RESPOND'>) {
  const { t, number } = useI18n();
  const [body, setBody] = useState('');
  const [uploads, setUploads] = useState<UploaderState>({ ids: [], busy: false });
  const form = useMutationForm<{ body: string; attachmentIds: string[] }, unknown>({
    mutate: (v) => runner.mutate({ body: v.body.trim(), attachmentIds: v.attachmentIds }),
    onSuccess: runner.onSuccess,
    onFailure: runner.onFailure,
    validate: (v): Record<string, string> => (lengthOk(v.body, LIMITS.response) ? {} : { body: t('act.err.response', textLimitParams(number, 'response')) }),
    fieldId: (f) => (f === 'body' ? 'act-resp-body' : null),
    fieldOrder: ['body'],
    blocked: uploads.busy,
  });
  return (
    <ActionFrame
      action="RESPOND"
      busy={form.busy}
      errors={form.errors}
      summaryRef={form.summaryRef}
      onSubmit={form.onSubmit(() => ({ body, attachmentIds: uploads.ids }))}
      onCancel={onCancel}
      submitDisabled={uploads.busy}
    >
      <TextField
        id="act-resp-body"
        label={t(actionFieldKey('RESPOND'))}
        value={body}
        onChange={setBody}
        multiline
        rows={5}
        maxLength={LIMITS.response.max}
        required
        error={form.errors.fields.body}
      />
      <AttachmentUploader label={t('act.evidence')} onChange={setUploads} error={form.errors.fields.attachmentIds} />
    </ActionFrame>
  );
}

function ClassifyForm({ report, runner, onCancel }: FormProps<'CLASSIFY'>) {
  const { t, number } = useI18n();
  const [type, setType] = useState<Maladministration | ''>(report.maladministrationType ?? '');
  const [note, setNote] = useState('');
  const form = useActionForm(runner, (v: { type: Maladministration | ''; note: string }) => ({ maladministrationType: v.type || null, note: v.note.trim() || null }), {
    validate: (v): Record<string, string> => (v.note.trim() && !lengthOk(v.note, LIMITS.optionalNote) ? { note: t('form.err.optionalNote', textLimitParams(number, 'optionalNote')) } : {}),
    fieldId: (f) => (f === 'note' ? 'act-class-note' : f === 'maladministrationType' ? 'act-class-type' : null),
    fieldOrder: ['maladministrationType', 'note'],
  });
  return (
    <ActionFrame action="CLASSIFY" busy={form.busy} errors={form.errors} summaryRef={form.summaryRef} onSubmit={form.onSubmit(() => ({ type, note }))} onCancel={onCancel}>
      <div className="form-field">
        <label htmlFor="act-class-type">{t('report.type')}</label>
        <MaladministrationSelect id="act-class-type" value={type} onChange={setType} allowClear />
      </div>
      <TextField id="act-class-note" label={t('act.note')} value={note} onChange={setNote} multiline rows={2} maxLength={LIMITS.optionalNote.max} error={form.errors.fields.note} />
    </ActionFrame>
  );
}
