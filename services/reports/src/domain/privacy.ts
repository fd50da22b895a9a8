import { Role } from '@pantau/common';

/**
 * Field-level privacy as one pure function: who sees what of a report.
 *
 * - `anonymous`: the reporter's identity is never shown to the reported agency or the public.
 * - `confidential` (rahasia): the report's content is never shown to the public.
 * Only the reporter (holding the tracking ID), admins and the ombudsman see what the flags hide.
 * Leadership reads content of non-confidential reports and never identities. A liaison works on the
 * reports routed to its agency (content, timeline, and the reporter unless anonymous); for any other
 * report it sees what the public sees.
 *
 * The full tracking ID is a bearer credential (it lets its holder act as the reporter), so it is
 * shown only to the reporter; everybody else sees it masked.
 */
export type PrivacyViewer =
  | { kind: 'PUBLIC' }
  /** Proved ownership by presenting the report's tracking ID. */
  | { kind: 'REPORTER' }
  | { kind: 'STAFF'; role: Role; agencyId: string };

export interface PrivacySubject {
  anonymous: boolean;
  confidential: boolean;
  /** The agency the report is routed to now. */
  agencyId: string | null;
}

export interface ReportAccess {
  /** title, body, road, responses' text, the reporter's added details, attachments, timeline notes. */
  content: boolean;
  /** Reporter identity and contact. */
  reporter: boolean;
  /** Operational details: routing suggestion and reasons, who acted (staff ids) on the timeline. */
  internal: boolean;
  /** The unmasked tracking ID. */
  trackingId: boolean;
  /** May list and open it as staff work (report(id), reports(...)); otherwise only the public view applies. */
  staffWork: boolean;
}

export const PUBLIC_ACCESS: ReportAccess = {
  content: true,
  reporter: false,
  internal: false,
  trackingId: false,
  staffWork: false,
};

export function reportAccess(viewer: PrivacyViewer, report: PrivacySubject): ReportAccess {
  const hideConfidential = (a: ReportAccess): ReportAccess => ({ ...a, content: a.content && !report.confidential });
  switch (viewer.kind) {
    case 'REPORTER':
      return { content: true, reporter: true, internal: false, trackingId: true, staffWork: false };
    case 'PUBLIC':
      return hideConfidential(PUBLIC_ACCESS);
    case 'STAFF':
      switch (viewer.role) {
        case Role.ADMIN:
        case Role.OMBUDSMAN:
          return { content: true, reporter: true, internal: true, trackingId: false, staffWork: true };
        case Role.LIAISON:
          if (report.agencyId !== null && report.agencyId === viewer.agencyId) {
            return { content: true, reporter: !report.anonymous, internal: true, trackingId: false, staffWork: true };
          }
          return hideConfidential(PUBLIC_ACCESS);
        case Role.LEADERSHIP:
          return hideConfidential({ content: true, reporter: false, internal: true, trackingId: false, staffWork: true });
      }
  }
  return { content: false, reporter: false, internal: false, trackingId: false, staffWork: false };
}

/** `LPR-7K3M-Q2XZ-9HWD-4` → `LPR-7K3M-••••-••••-•`: enough to refer to, useless as a key. */
export function maskTrackingId(trackingId: string): string {
  return trackingId.replace(/^(LPR-[^-]+)-.*$/, '$1-••••-••••-•');
}

/** Which reports a staff role may list in `reports(...)`: all, or only those of one agency. */
export function listScope(viewer: PrivacyViewer): { all: true } | { agencyId: string } | null {
  if (viewer.kind !== 'STAFF') return null;
  if (viewer.role === Role.LIAISON) return { agencyId: viewer.agencyId };
  return { all: true };
}
