import { useSignedIn } from '../auth/session';
import { PageHeading } from '../components/PageHeading';
import { formatLongDate, useI18n } from '../i18n/i18n';
import { ROLE_KEYS } from '../i18n/labels';

/** Översikt: the dashboard arrives with the KPI issue; for now who you are and what Värna knows of you. */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const { me } = useSignedIn();
  return (
    <section className="page" data-page="dashboard">
      <PageHeading title={t('dashboard.title')} />
      <p className="lead">{t('dashboard.welcome', { name: me.person.displayName })}</p>
      <p>{t('dashboard.today', { date: formatLongDate(locale) })}</p>
      <h2>{t('dashboard.rolesHeading')}</h2>
      <ul>
        {me.roles.map((role) => (
          <li key={role}>{t(ROLE_KEYS[role])}</li>
        ))}
      </ul>
      <p className="placeholder">{t('dashboard.placeholder')}</p>
    </section>
  );
}

export function AuditsPage() {
  const { t } = useI18n();
  return (
    <section className="page" data-page="audits">
      <PageHeading title={t('audits.title')} />
      <p className="lead">{t('audits.lead')}</p>
      <p className="placeholder">{t('audits.placeholder')}</p>
    </section>
  );
}
