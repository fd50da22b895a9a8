/**
 * The signed-in staff session. The token is the registry's HS256 JWT (see @pantau/common auth.ts);
 * the dashboard only *reads* its claims (name, role, expiry) to label the UI: every service verifies
 * the token itself and decides what the viewer may see.
 */
export interface Session {
  token: string;
  accountId: string;
  email: string;
  name: string;
  role: string;
  agencyId: string | null;
  /** Expiry, ms since epoch. */
  expiresAt: number;
}

const STORAGE_KEY = 'pantau.session';

function base64UrlDecode(segment: string): string {
  const b64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads a JWT's claims without verifying it (the server verifies). Null when it is not a JWT. */
export function sessionFromToken(token: string): Session | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>;
    const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3600_000;
    return {
      token,
      accountId: String(claims.sub ?? ''),
      email: String(claims.email ?? ''),
      name: String(claims.name ?? claims.email ?? ''),
      role: String(claims.role ?? ''),
      agencyId: typeof claims.agencyId === 'string' ? claims.agencyId : null,
      expiresAt: exp,
    };
  } catch {
    return null;
  }
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt <= now;
}

export function loadSession(): Session | null {
  try {
    const token = window.localStorage.getItem(STORAGE_KEY);
    if (!token) return null;
    const session = sessionFromToken(token);
    if (!session || isExpired(session)) {
      window.localStorage.removeItem(STORAGE_KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  try {
    if (session) window.localStorage.setItem(STORAGE_KEY, session.token);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* storage unavailable: the session lasts for this page only */
  }
}
