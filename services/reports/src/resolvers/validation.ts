import { validateArgs } from '@pantau/common';

/**
 * The reports subgraph validates input objects with the shared validateFn (class-validator, ONE clear
 * BAD_USER_INPUT error naming every problem). Text arguments reach it already cleaned by
 * buildFederatedSchema (trimmed, NFC, no control/bidi characters, whitespace-only required text refused).
 */
export async function validateInput(argValue: unknown): Promise<void> {
  await validateArgs(argValue, undefined as never, undefined as never);
}
