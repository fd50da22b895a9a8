import { AppError, type ErrorKey } from '@pantau/common';
import { ScopeError, scopeOf, wholeDays, type Scope } from '../domain/scope';
import type { AnalyticsContext } from '../context';
import type { AnalyticsFilter } from './types';

/** A scope refusal as BAD_USER_INPUT with its reason and parameters. */
const scopeError = (err: ScopeError) => new AppError(`BAD_USER_INPUT.${err.reason}` as ErrorKey, err.params as never);

/** The filter argument as a scope, with input errors as BAD_USER_INPUT. */
export function toScope(filter: AnalyticsFilter | null | undefined): Scope {
  try {
    return scopeOf(filter);
  } catch (err) {
    if (err instanceof ScopeError) throw scopeError(err);
    throw err;
  }
}

/** The filter as the viewer may use it: signed-out viewers get whole days (see domain/scope wholeDays). */
export function viewScope(filter: AnalyticsFilter | null | undefined, ctx: AnalyticsContext): Scope {
  const scope = toScope(filter);
  return ctx.disclosureK === null ? scope : wholeDays(scope, ctx.service.store.cal);
}

export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ScopeError) throw scopeError(err);
    throw err;
  }
}
