import { useQuery } from 'urql';
import { useAuth } from '../auth/AuthContext';
import { useFilters } from '../filters/useFilters';
import { AGENCY_NAME, type AgencyNameData } from '../graphql/operations';
import { useI18n } from '../i18n/I18n';

/**
 * Says so when the viewer's role narrows what is counted. A liaison (narahubung) sees only the
 * reports routed to their agency in every list, while the figures cover whatever the filters say:
 * the banner names the agency and offers the same scope for the figures (agency filter).
 */
export function ScopeBanner() {
  const { t, lang } = useI18n();
  const { session } = useAuth();
  const { filters, setFilters } = useFilters();
  const agencyId = session?.role === 'LIAISON' ? session.agencyId : null;
  const [agency] = useQuery<AgencyNameData>({ query: AGENCY_NAME, variables: { id: agencyId ?? '' }, pause: !agencyId });
  if (!agencyId) return null;
  const a = agency.data?.agency;
  const name = a ? (lang === 'en' && a.nameEn ? a.nameEn : a.name) : agencyId;
  const aligned = filters.agency === agencyId;
  return (
    <div className="scope-banner" role="note" data-testid="scope-banner">
      <strong>{t('scope.title', { agency: name })}</strong>{' '}
      {aligned ? t('scope.aligned') : t('scope.lists')}{' '}
      {!aligned ? (
        <button type="button" className="button button-secondary button-small" onClick={() => setFilters({ agency: agencyId })}>
          {t('scope.align', { agency: name })}
        </button>
      ) : null}
    </div>
  );
}
