import { Link } from 'wouter';
import { PageHeader } from '../components/common';
import { useFilters } from '../filters/useFilters';
import { useI18n } from '../i18n/I18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  const { shared } = useFilters();
  return (
    <div className="page">
      <PageHeader title={t('notFound.title')} />
      <Link href={`/${shared()}`}>{t('notFound.back')}</Link>
    </div>
  );
}
