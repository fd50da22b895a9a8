import crypto from 'node:crypto';
import { trackingIdFromValue } from '@pantau/contract';

/**
 * Tracking IDs: the format, the check symbol and the forgiving parser are part of the public contract
 * (@pantau/contract, shared with the dashboard); only the generation lives here (OS CSPRNG).
 */
export { TRACKING_PREFIX, checkSymbol, trackingIdFromValue, parseTrackingId, isValidTrackingId } from '@pantau/contract';

/** A new unguessable tracking ID (60 bits from the OS CSPRNG). */
export function generateTrackingId(random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(8);
  const value = bytes.readBigUInt64BE(0) >> 4n; // keep 60 bits
  return trackingIdFromValue(value);
}
