import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Provider as UrqlProvider, type Client } from 'urql';
import { Route, Router, Switch, type BaseLocationHook, type BaseSearchHook } from 'wouter';
import { AuthProvider, useAuth } from '../auth/AuthContext';
import type { Session } from '../auth/session';
import { createPantauClient } from '../graphql/client';
import { I18nProvider, useI18n } from '../i18n/I18n';
import { Layout } from './Layout';

/*
 * Routing: wouter (≈2 kB gzip, hooks-only, no data-router machinery). The dashboard needs path
 * routes with params and the query string as state (useSearchParams), which wouter covers; React
 * Router would add ~15 kB gzip to the initial load for loaders/actions we do not use.
 * Every page is its own chunk.
 */
const OverviewPage = lazy(() => import('../pages/OverviewPage'));
const MaladministrationPage = lazy(() => import('../pages/MaladministrationPage'));
const ResponseTimesPage = lazy(() => import('../pages/ResponseTimesPage'));
const TransparencyPage = lazy(() => import('../pages/TransparencyPage'));
const AgenciesPage = lazy(() => import('../pages/AgenciesPage'));
const AgencyPage = lazy(() => import('../pages/AgencyPage'));
const RegionsPage = lazy(() => import('../pages/RegionsPage'));
const ReportsPage = lazy(() => import('../pages/ReportsPage'));
const ReportPage = lazy(() => import('../pages/ReportPage'));
const SignInPage = lazy(() => import('../pages/SignInPage'));
const LaporPage = lazy(() => import('../pages/LaporPage'));
const LacakPage = lazy(() => import('../pages/LacakPage'));
const PlaygroundPage = lazy(() => import('../pages/PlaygroundPage'));
const MonthlyReportPage = lazy(() => import('../pages/MonthlyReportPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export interface AppProps {
  /** Tests pass a client that answers from fixtures; the app builds its own otherwise. */
  client?: Client;
  /** Tests: an in-memory location (wouter memoryLocation). */
  location?: { hook: BaseLocationHook; searchHook: BaseSearchHook };
  session?: Session | null;
}

export function App({ client, location, session }: AppProps) {
  return (
    <Router hook={location?.hook} searchHook={location?.searchHook}>
      <I18nProvider>
        <AuthProvider initial={session}>
          <ClientProvider client={client}>
            <Layout>
              <Suspense fallback={<PageLoading />}>
                <Routes />
              </Suspense>
            </Layout>
          </ClientProvider>
        </AuthProvider>
      </I18nProvider>
    </Router>
  );
}

export function Routes() {
  return (
    <Switch>
      <Route path="/" component={OverviewPage} />
      <Route path="/maladministration" component={MaladministrationPage} />
      <Route path="/response-times" component={ResponseTimesPage} />
      <Route path="/transparency" component={TransparencyPage} />
      <Route path="/agencies" component={AgenciesPage} />
      <Route path="/agencies/:id" component={AgencyPage} />
      <Route path="/regions" component={RegionsPage} />
      <Route path="/regions/:code" component={RegionsPage} />
      <Route path="/reports" component={ReportsPage} />
      <Route path="/reports/:id" component={ReportPage} />
      <Route path="/lapor" component={LaporPage} />
      <Route path="/lacak" component={LacakPage} />
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/playground" component={PlaygroundPage} />
      <Route path="/laporan-bulanan" component={MonthlyReportPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}

/** One urql client per (token, language): a new viewer or language never sees another's cache. */
function ClientProvider({ client, children }: { client?: Client; children: ReactNode }) {
  const { session, signOut } = useAuth();
  const { lang } = useI18n();
  const token = session?.token ?? null;
  const value = useMemo(
    () => client ?? createPantauClient({ token, lang, onTokenRejected: () => signOut('expired') }),
    [client, token, lang, signOut],
  );
  return <UrqlProvider value={value}>{children}</UrqlProvider>;
}

function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('app.loadingPage')}
    </div>
  );
}
