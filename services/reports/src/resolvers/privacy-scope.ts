import type { Viewer } from '@pantau/common';
import { listScope as domainListScope, reportAccess } from '../domain/privacy';
import { privacyViewer } from './present';

export function listScope(viewer: Viewer): { all: true } | { agencyId: string } {
  return domainListScope(privacyViewer(viewer)) ?? { all: true };
}

/** True when the viewer may not read confidential content of the reports it lists. */
export function privacyViewerNeedsPublicContent(viewer: Viewer): boolean {
  return !reportAccess(privacyViewer(viewer), { anonymous: false, confidential: true, agencyId: viewer.agencyId }).content;
}
