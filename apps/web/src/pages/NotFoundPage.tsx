import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page" data-page="not-found">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('action.toStartPage')}</Link>
      </p>
    </section>
  );
}
