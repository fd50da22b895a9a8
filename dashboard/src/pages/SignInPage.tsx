import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { useLocation } from 'wouter';
import { useAuth } from '../auth/AuthContext';
import { PageHeader } from '../components/common';
import { useMutationForm } from '../forms/useMutationForm';
import { SIGN_IN, type SignInData, type SignInMutationVariables } from '../graphql/operations';
import { useFilters } from '../filters/useFilters';
import { SHARED_KEYS } from '../filters/filters';
import { useI18n } from '../i18n/I18n';

/** Only same-site paths are followed after sign-in (no open redirect through `next`). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/sign-in')) return '/';
  return next;
}

/**
 * Where sign-in leads: the page the viewer came from with its whole query (list filters, search,
 * sort), plus the shared keys of the sign-in URL it lacks (the language switched on the form).
 */
export function nextAfterSignIn(next: string | null, current: URLSearchParams): string {
  const target = safeNext(next);
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  for (const key of SHARED_KEYS) {
    const v = current.get(key);
    if (v && !params.has(key)) params.set(key, v);
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export default function SignInPage() {
  const { t } = useI18n();
  const { signIn, endedReason } = useAuth();
  const { params } = useFilters();
  const [, navigate] = useLocation();
  const [, execute] = useMutation<SignInData, SignInMutationVariables>(SIGN_IN);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const form = useMutationForm<SignInMutationVariables, string>({
    mutate: async (v) => {
      const result = await execute({ email: v.email.trim(), password: v.password });
      return { data: result.data?.signIn?.token ?? null, error: result.error };
    },
    onSuccess: (token) => {
      try {
        signIn(token);
      } catch (err) {
        // A token the dashboard cannot read (its claims): nothing was kept.
        form.showErrors({ fields: {}, summary: err instanceof Error ? err.message : String(err), code: 'local' });
        return;
      }
      navigate(nextAfterSignIn(params.get('next'), params));
    },
    // One message for the whole form (which of the two was wrong is not said).
    adapt: (errs) => ({ ...errs, fields: {}, summary: t('auth.failed', { message: errs.summary ?? t('common.none') }) }),
    focus: 'summary',
  });
  const error = form.errors.summary;

  return (
    <div className="page page-sign-in">
      <div className="sign-in-card">
        <PageHeader title={t('auth.title')} />
        <p className="muted">{t('auth.intro')}</p>
        {endedReason === 'expired' ? (
          <p className="notice notice-info" role="status">
            {t('auth.expired')}
          </p>
        ) : null}
        <form onSubmit={form.onSubmit(() => ({ email, password }))} noValidate={false} aria-describedby={error ? errorId : undefined}>
          <div className="form-field">
            <label htmlFor={emailId}>{t('auth.email')}</label>
            <input id={emailId} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="form-field">
            <label htmlFor={passwordId}>{t('auth.password')}</label>
            <input
              id={passwordId}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {error ? (
            <p id={errorId} className="field-error" role="alert" tabIndex={-1} ref={(el) => void (form.summaryRef.current = el)}>
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={form.busy}>
            {form.busy ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
