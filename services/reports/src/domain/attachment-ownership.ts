/**
 * Who may attach an upload to a report, a response or a detail.
 *
 * An upload id is a capability only for whoever uploaded it: a staff upload (uploaderId set) only by the
 * same staff account, a public upload (uploaderRole PUBLIC, no uploaderId) only by a signed-out
 * submission; and only while it is attached to nothing. Otherwise a signed-out reporter could attach an
 * admin's unattached upload to their own report and then read it with their tracking ID.
 */

/** Who is attaching: a signed-in staff account, or a signed-out (public) reporter. */
export type Attacher = { kind: 'STAFF'; id: string } | { kind: 'PUBLIC' };

export const PUBLIC_ATTACHER: Attacher = { kind: 'PUBLIC' };

/** The attacher of a request: its signed-in staff account, else the public. */
export function attacherOf(viewer: { id: string } | null | undefined): Attacher {
  return viewer ? { kind: 'STAFF', id: viewer.id } : PUBLIC_ATTACHER;
}

export interface UploadOwnership {
  reportId: string | null;
  uploaderRole: string;
  uploaderId: string | null;
}

export function mayAttach(upload: UploadOwnership, attacher: Attacher): boolean {
  if (upload.reportId !== null) return false;
  if (attacher.kind === 'STAFF') return upload.uploaderId !== null && upload.uploaderId === attacher.id;
  return upload.uploaderRole === 'PUBLIC' && upload.uploaderId === null;
}
