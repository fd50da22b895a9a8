import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isExpired, loadSession, saveSession, sessionFromToken, type Session } from './session';

export interface Auth {
  session: Session | null;
  signIn: (token: string) => Session;
  signOut: (reason?: 'expired' | 'user') => void;
  /** Set when the last session ended because the server rejected or expired the token. */
  endedReason: 'expired' | null;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children, initial }: { children: ReactNode; initial?: Session | null }) {
  const [session, setSession] = useState<Session | null>(() => (initial !== undefined ? initial : loadSession()));
  const [endedReason, setEndedReason] = useState<'expired' | null>(null);

  const signIn = useCallback((token: string) => {
    const next = sessionFromToken(token);
    if (!next) throw new Error('The server returned a token that is not a JWT.');
    saveSession(next);
    setSession(next);
    setEndedReason(null);
    return next;
  }, []);

  const signOut = useCallback((reason: 'expired' | 'user' = 'user') => {
    saveSession(null);
    setSession(null);
    setEndedReason(reason === 'expired' ? 'expired' : null);
  }, []);

  // End the session at its expiry time.
  useEffect(() => {
    if (!session) return;
    if (isExpired(session)) {
      signOut('expired');
      return;
    }
    const ms = Math.min(session.expiresAt - Date.now(), 2_147_000_000);
    const timer = window.setTimeout(() => signOut('expired'), ms);
    return () => window.clearTimeout(timer);
  }, [session, signOut]);

  // Another tab signed in or out.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === 'pantau.session') setSession(loadSession());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut, endedReason }), [session, signIn, signOut, endedReason]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
