import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';

/** An unauthorised deep link: a plain explanation, no data of the page asked for. */
export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <section className="page" data-page="forbidden">
      <PageHeading title={t('forbidden.title')} />
      <p>{t('forbidden.body')}</p>
      <p>{t('forbidden.help')}</p>
      <p>
        <Link to="/">{t('action.toStartPage')}</Link>
      </p>
    </section>
  );
}
