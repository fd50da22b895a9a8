import { useEffect, useId, useRef, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { downloadBlob } from '../export/csv';
import type { Attachment } from '../graphql/operations';
import { useI18n, type I18n, type MessageKey } from '../i18n/I18n';
// The citizen/staff-action dictionary, loaded with this chunk.
import '../i18n/reportMessages';
import { ACCEPT_ATTR, fetchAttachment, MAX_FILE_BYTES, MAX_FILES, precheckFile, uploadAttachment, UploadError } from '../report/attachments';
import { byteSize, uploadParams } from '../forms/limits';
import { Icon } from './Icon';

/** A file's size as people read it ("1,5 MB"). */
export const fileSize = (bytes: number, number: I18n['number']): string => byteSize(number, bytes);

/** Files of a report or a response, each downloadable with the viewer's credentials. */
export function AttachmentList({ items, trackingId }: { items: Attachment[]; trackingId?: string | null }) {
  const { t, number } = useI18n();
  if (items.length === 0) return <p className="muted">{t('report.noAttachments')}</p>;
  return (
    <ul className="attachments">
      {items.map((a) => (
        <li key={a.id}>
          <Icon name="file" /> <AttachmentDownload attachment={a} trackingId={trackingId} />{' '}
          <span className="muted small">
            {a.contentType} · {fileSize(a.size, number)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Attachments are served by the reports service behind the viewer's credentials, so a plain link
 * would not do: fetch with the Bearer token (staff) or the X-Tracking-Id header (the reporter) and
 * hand the browser the file.
 */
function AttachmentDownload({ attachment, trackingId }: { attachment: Attachment; trackingId?: string | null }) {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  if (!attachment.url) return <span>{attachment.filename}</span>;
  const onClick = async () => {
    setState('busy');
    try {
      downloadBlob(attachment.filename, await fetchAttachment(attachment.url!, { token: session?.token ?? null, lang, trackingId }));
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

interface UploadItem {
  key: number;
  file: File;
  state: 'uploading' | 'done' | 'failed';
  id?: string;
  error?: string;
}

export interface UploaderState {
  /** Ids of the files uploaded so far, in the order chosen. */
  ids: string[];
  /** An upload is still running (the form waits for it). */
  busy: boolean;
}

const PRECHECK_KEYS: Record<'tooLarge' | 'badType' | 'empty', MessageKey> = {
  tooLarge: 'upload.tooLarge',
  badType: 'upload.badType',
  empty: 'upload.empty',
};

/**
 * Attachments are uploaded as soon as they are chosen (POST /attachments), so the submission itself
 * only carries their ids. Each file shows its progress and, on failure, the server's reason with a
 * retry; a file can be removed before the form is sent.
 */
export function AttachmentUploader({
  label,
  onChange,
  error,
  describedBy,
}: {
  label: string;
  onChange: (state: UploaderState) => void;
  /** A server error about the attachments (extensions.field = attachmentIds). */
  error?: string;
  describedBy?: string;
}) {
  const { t, lang, number } = useI18n();
  const { session } = useAuth();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextKey = useRef(1);
  const controllers = useRef(new Map<number, AbortController>());
  const token = session?.token ?? null;

  useEffect(() => {
    const all = controllers.current;
    return () => all.forEach((c) => c.abort());
  }, []);

  const ids = items.filter((i) => i.state === 'done' && i.id).map((i) => i.id!);
  const busy = items.some((i) => i.state === 'uploading');
  const idsKey = ids.join(',');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    onChangeRef.current({ ids: idsKey ? idsKey.split(',') : [], busy });
  }, [idsKey, busy]);

  const patch = (key: number, p: Partial<UploadItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));

  const start = (key: number, file: File) => {
    const problem = precheckFile(file);
    if (problem) {
      patch(key, { state: 'failed', error: t(PRECHECK_KEYS[problem], uploadParams(number, MAX_FILE_BYTES)) });
      return;
    }
    const controller = new AbortController();
    controllers.current.set(key, controller);
    patch(key, { state: 'uploading', error: undefined });
    uploadAttachment(file, { token, lang, signal: controller.signal })
      .then((a) => patch(key, { state: 'done', id: a.id }))
      .catch((err: Error) => {
        if (err.name === 'AbortError') return;
        const message = err instanceof UploadError && err.code === 'network' ? t('upload.network') : err.message;
        patch(key, { state: 'failed', error: message });
      })
      .finally(() => controllers.current.delete(key));
  };

  const onFiles = (files: FileList | null) => {
    if (!files) return;
    const room = MAX_FILES - items.length;
    const chosen = Array.from(files).slice(0, Math.max(room, 0));
    const added = chosen.map((file) => ({ key: nextKey.current++, file, state: 'uploading' as const }));
    setItems((list) => [...list, ...added]);
    added.forEach((i) => start(i.key, i.file));
  };

  const remove = (key: number) => {
    controllers.current.get(key)?.abort();
    setItems((list) => list.filter((i) => i.key !== key));
  };

  const full = items.length >= MAX_FILES;
  return (
    <fieldset className="form-field uploader" aria-describedby={[hintId, error ? errorId : null, describedBy].filter(Boolean).join(' ')}>
      <legend>{label}</legend>
      <p id={hintId} className="field-hint">
        {t('upload.hint', uploadParams(number, MAX_FILE_BYTES))}
      </p>
      <label htmlFor={inputId} className="file-label">
        {t('upload.choose')}
      </label>
      <input
        id={inputId}
        className="file-input"
        type="file"
        multiple
        accept={ACCEPT_ATTR}
        disabled={full}
        aria-describedby={hintId}
        onChange={(e) => {
          onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="upload-list" aria-live="polite">
          {items.map((i) => (
            <li key={i.key} className={`upload-item upload-${i.state}`} data-state={i.state}>
              <Icon name="file" /> <span className="upload-name">{i.file.name}</span>{' '}
              <span className="muted small">{fileSize(i.file.size, number)}</span>{' '}
              <span className={i.state === 'failed' ? 'field-error' : 'muted small'}>
                {i.state === 'uploading' ? t('upload.uploading') : i.state === 'done' ? t('upload.done') : t('upload.failed', { message: i.error ?? '' })}
              </span>{' '}
              {i.state === 'failed' ? (
                <button type="button" className="link-button" onClick={() => start(i.key, i.file)} aria-label={t('upload.retryFile', { name: i.file.name })}>
                  {t('panel.retry')}
                </button>
              ) : null}{' '}
              <button type="button" className="link-button" onClick={() => remove(i.key)} aria-label={t('upload.remove', { name: i.file.name })}>
                {t('upload.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
