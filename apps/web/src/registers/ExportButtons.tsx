import { query } from '../api/queries';
import { useSignedIn } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/**
 * The register as a file, with the list's filters (GET /api/…/export, XLSX or CSV). A plain link:
 * the browser downloads with the session cookie, and the server filters by the same export rules.
 * Shown to callers who may export and read more than names (a name view has nothing to export).
 */
const SUBJECT = { 'information-sets': 'InformationSet', assets: 'Asset', incidents: 'Incident' } as const;

export function ExportButtons({
  register,
  filters,
}: {
  register: keyof typeof SUBJECT;
  filters: Record<string, string | undefined>;
}) {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  if (!ability.can('export', SUBJECT[register])) return null;
  const href = (format: 'xlsx' | 'csv') => `/api/${register}/export${query({ ...filters, format })}`;
  return (
    <div className="actions" role="group" aria-label={t('infoSets.common.export')}>
      <a className="button button--secondary" href={href('xlsx')} download data-export="xlsx">
        {t('infoSets.common.exportXlsx')}
      </a>
      <a className="button button--secondary" href={href('csv')} download data-export="csv">
        {t('infoSets.common.exportCsv')}
      </a>
    </div>
  );
}
