import { GraphQLError } from 'graphql';

import type { ErrorCode } from '@pantau/contract';

/**
 * Error codes every Pantau subgraph uses in `extensions.code`: the typed list with each code's parameters
 * is part of the public contract (@pantau/contract). Messages are English (the API's language for
 * developers); `extensions.messageId` carries the Indonesian text.
 */
export type { ErrorCode };

export class AppError extends GraphQLError {
  /**
   * `httpStatus` is for errors that fail a whole request (a bad token, raised while building the context).
   * Field errors leave it unset: the response stays 200 with partial data, so the gateway can still merge
   * what other subgraphs returned.
   */
  constructor(code: ErrorCode, message: string, messageId?: string, details?: Record<string, unknown>, httpStatus?: number) {
    super(message, {
      extensions: {
        code,
        ...(messageId ? { messageId } : {}),
        ...(details ?? {}),
        ...(httpStatus ? { http: { status: httpStatus } } : {}),
      },
    });
  }
}

export const badInput = (message: string, messageId?: string, details?: Record<string, unknown>) =>
  new AppError('BAD_USER_INPUT', message, messageId, details);
export const notFound = (message: string, messageId?: string) => new AppError('NOT_FOUND', message, messageId);
export const unauthenticated = (message = 'You must sign in to do this.', messageId = 'Anda harus masuk terlebih dahulu.') =>
  new AppError('UNAUTHENTICATED', message, messageId);
/** A request-level authentication failure (bad or expired token): HTTP 401. */
export const invalidToken = (message: string, messageId: string) =>
  new AppError('UNAUTHENTICATED', message, messageId, undefined, 401);
export const forbidden = (
  message = 'You are not allowed to do this.',
  messageId = 'Anda tidak berwenang melakukan tindakan ini.',
) => new AppError('FORBIDDEN', message, messageId);
export const conflict = (message: string, messageId?: string) => new AppError('CONFLICT', message, messageId);
