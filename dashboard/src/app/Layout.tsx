import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from '../components/Icon';
import { Link, useLocation, useSearch } from 'wouter';
import { ScopeBanner } from '../components/ScopeBanner';
import { useAuth } from '../auth/AuthContext';
import { FiltersBar } from '../filters/FiltersBar';
import { useFilters } from '../filters/useFilters';
import { useI18n, type MessageKey } from '../i18n/I18n';
import { isActorRole, roleKey } from '../i18n/keys';

const NAV: { path: string; label: MessageKey; match: (p: string) => boolean }[] = [
  { path: '/', label: 'nav.overview', match: (p) => p === '/' },
  { path: '/maladministration', label: 'nav.maladministration', match: (p) => p.startsWith('/maladministration') },
  { path: '/response-times', label: 'nav.responseTimes', match: (p) => p.startsWith('/response-times') },
  { path: '/transparency', label: 'nav.transparency', match: (p) => p.startsWith('/transparency') },
  { path: '/agencies', label: 'nav.agencies', match: (p) => p.startsWith('/agencies') },
  { path: '/regions', label: 'nav.regions', match: (p) => p.startsWith('/regions') },
  { path: '/reports', label: 'nav.reports', match: (p) => p.startsWith('/reports') },
  { path: '/laporan-bulanan', label: 'nav.monthly', match: (p) => p.startsWith('/laporan-bulanan') },
  { path: '/lapor', label: 'nav.lapor', match: (p) => p.startsWith('/lapor') },
  { path: '/lacak', label: 'nav.lacak', match: (p) => p.startsWith('/lacak') },
  { path: '/playground', label: 'nav.playground', match: (p) => p.startsWith('/playground') },
];

/** Pages without the filters bar (the citizen pages are forms, not views of the data). */
const NO_FILTERS = ['/sign-in', '/playground', '/lapor', '/lacak', '/laporan-bulanan', '/reports/'];

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { session, signOut } = useAuth();
  const [location] = useLocation();
  const search = useSearch();
  // Phones: Lapor and Lacak as buttons in the header (the navigation scrolls sideways there).
  const [phone] = useState(() => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 700px)').matches);
  const { shared } = useFilters();
  const mainRef = useRef<HTMLElement>(null);
  const showFilters = !NO_FILTERS.some((p) => location.startsWith(p));
  const active = NAV.find((n) => n.match(location));

  // After a page change, move focus to the main region (screen readers announce the new page)
  // and name the document after the page.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location]);
  useEffect(() => {
    const page = active ? t(active.label) : location.startsWith('/sign-in') ? t('auth.signIn') : null;
    document.title = page ? `${page} · Pantau` : 'Pantau';
  }, [active, location, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <Link href={`/${shared()}`} className="brand-link">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-actions">
          {phone ? (
          <div className="citizen-quick">
            <Link href={`/lapor${shared()}`} className="button button-primary">
              {t('nav.lapor')}
            </Link>
            <Link href={`/lacak${shared()}`} className="button button-secondary">
              {t('nav.lacak')}
            </Link>
          </div>
          ) : null}
          <button
            type="button"
            className="button button-ghost lang-switch"
            lang={lang === 'id' ? 'en' : 'id'}
            aria-label={t('lang.switchToLabel')}
            onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
            data-testid="lang-switch"
          >
            <Icon name="globe" />
            {t('lang.switchTo')}
          </button>
          {session ? (
            <div className="account">
              <span className="account-name">
                {t('auth.signedInAs', {
                  name: session.name,
                  role: isActorRole(session.role) ? t(roleKey(session.role)) : session.role,
                })}
              </span>
              <button type="button" className="button button-ghost" onClick={() => signOut('user')}>
                {t('auth.signOut')}
              </button>
            </div>
          ) : (
            <Link href={`/sign-in${shared({ next: location === '/sign-in' ? null : `${location}${search ? `?${search}` : ''}` })}`} className="button button-primary">
              {t('auth.signIn')}
            </Link>
          )}
        </div>
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((n) => (
            <li key={n.path}>
              <Link
                href={`${n.path}${shared()}`}
                aria-current={n === active ? 'page' : undefined}
                className={[n === active ? 'active' : '', n.path === '/lapor' || n.path === '/lacak' ? 'nav-citizen' : ''].filter(Boolean).join(' ') || undefined}
              >
                {t(n.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {showFilters ? <FiltersBar /> : null}
      {showFilters ? <ScopeBanner /> : null}
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <span>Pantau · SP4N-LAPOR!</span>
        <span className="print-only">{t('overview.printNote', { date: new Date().toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID') })}</span>
      </footer>
    </div>
  );
}
