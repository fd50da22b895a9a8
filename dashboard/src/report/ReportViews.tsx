import { AttachmentList } from '../components/Attachments';
import { StatusBadge } from '../components/common';
import type { ReportDetailEntry, ReportResponse, TimelineEvent } from '../graphql/operations';
import { useI18n, type MessageKey } from '../i18n/I18n';
// The citizen/staff-action dictionary, loaded with this chunk.
import '../i18n/reportMessages';
import { eventKey, isActorRole, isReportEventType, roleKey } from '../i18n/keys';

/** A timeline event's name; an event type this build does not know is shown as sent. */
export function eventLabel(t: (k: MessageKey) => string, type: string): string {
  return isReportEventType(type) ? t(eventKey(type)) : type;
}

export function roleLabel(t: (k: MessageKey) => string, role: string): string {
  return isActorRole(role) ? t(roleKey(role)) : role;
}

/** The audit timeline, oldest first: what happened, who did it, the status it led to, the note. */
export function TimelineList({ events }: { events: TimelineEvent[] }) {
  const { t, dateTime } = useI18n();
  return (
    <ol className="timeline">
      {[...events]
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
              {e.toAgency && (e.type === 'ReportForwarded' || e.type === 'ReportDispositioned') ? (
                <p className="timeline-agency">{t('timeline.toAgency', { agency: e.toAgency.name })}</p>
              ) : null}
              {e.note ? <p className="timeline-note">{e.note}</p> : null}
            </div>
          </li>
        ))}
    </ol>
  );
}

/** The agency's responses with their evidence. */
export function ResponseList({ responses, trackingId }: { responses: ReportResponse[]; trackingId?: string | null }) {
  const { t, dateTime } = useI18n();
  if (responses.length === 0) return <p className="muted">{t('report.noResponses')}</p>;
  return (
    <ol className="responses">
      {responses.map((r) => (
        <li key={r.id} className="response">
          <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>
          {r.agency ? <span className="muted"> · {r.agency.name}</span> : null}
          <p>{r.body ?? <span className="muted">{t('rp.hidden')}</span>}</p>
          {r.attachments.length > 0 ? <AttachmentList items={r.attachments} trackingId={trackingId} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** What the reporter added while the report was on hold (addReportDetail), oldest first, with its files. */
export function DetailList({ details, trackingId }: { details: ReportDetailEntry[]; trackingId?: string | null }) {
  const { t, dateTime } = useI18n();
  if (details.length === 0) return <p className="muted">{t('report.noDetails')}</p>;
  return (
    <ol className="responses report-details">
      {[...details]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((d) => (
          <li key={d.id} className="response report-detail-entry">
            <time dateTime={d.createdAt}>{dateTime(d.createdAt)}</time>
            <p>{d.body ?? <span className="muted">{t('rp.hidden')}</span>}</p>
            {d.attachments.length > 0 ? <AttachmentList items={d.attachments} trackingId={trackingId} /> : null}
          </li>
        ))}
    </ol>
  );
}

/** The admin's request behind the current hold: the note of the latest ReportHeld event. */
export function latestHoldNote(events: TimelineEvent[]): string | null {
  const held = events.filter((e) => e.type === 'ReportHeld').sort((a, b) => a.at.localeCompare(b.at));
  return held.at(-1)?.note ?? null;
}
