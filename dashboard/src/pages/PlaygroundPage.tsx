import { lazy, Suspense } from 'react';
import { useAuth } from '../auth/AuthContext';
import { GRAPHQL_URL } from '../graphql/client';
import { useI18n } from '../i18n/I18n';

/** GraphiQL (bundled from npm, works offline) is its own chunk, fetched only when this page opens. */
const GraphiQLPlayground = lazy(() => import('../playground/GraphiQLPlayground'));

export default function PlaygroundPage() {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  return (
    <div className="page page-playground">
      <div className="playground-intro">
        <h1>{t('pg.title')}</h1>
        <p className="muted">
          {t('pg.intro', { url: GRAPHQL_URL, auth: session ? t('pg.withToken') : t('pg.anonymous') })}
        </p>
      </div>
      <Suspense
        fallback={
          <div className="page-loading" role="status">
            <span className="spinner" aria-hidden="true" /> {t('pg.loading')}
          </div>
        }
      >
        <GraphiQLPlayground token={session?.token ?? null} lang={lang} />
      </Suspense>
    </div>
  );
}
