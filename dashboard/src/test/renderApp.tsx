import { act, render, type RenderResult } from '@testing-library/react';
import { memoryLocation } from 'wouter/memory-location';
import { App } from '../app/App';
import { sessionFromToken, type Session } from '../auth/session';
import { makeTestClient, type Handler } from './urqlTestClient';

/** An unsigned JWT-shaped token with the registry's claims (the dashboard only reads claims). */
export function testToken(claims: Record<string, unknown> = {}): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return [
    b64({ alg: 'HS256', typ: 'JWT' }),
    b64({
      sub: 'acc-1',
      email: 'admin@kukarkab.go.id',
      name: 'Kasi Pelayanan Umum',
      role: 'ADMIN',
      agencyId: 'kukar-diskominfo',
      exp: Math.floor(Date.now() / 1000) + 3600,
      ...claims,
    }),
    'signature',
  ].join('.');
}

export function testSession(claims: Record<string, unknown> = {}): Session {
  return sessionFromToken(testToken(claims))!;
}

/**
 * Renders the whole app at `path` with GraphQL answered by `handlers`, inside act() so the lazy
 * page chunk has resolved when it returns.
 */
export async function renderApp(path: string, handlers: Record<string, Handler>, opts: { session?: Session | null } = {}) {
  const location = memoryLocation({ path, record: true });
  const test = makeTestClient(handlers);
  let view!: RenderResult;
  await act(async () => {
    view = render(<App client={test.client} location={location} session={opts.session ?? null} />);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  const currentUrl = () => location.history[location.history.length - 1];
  return { ...view, ...test, location, currentUrl };
}
