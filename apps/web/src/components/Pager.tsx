import { useI18n } from '../i18n/i18n';

/** Previous / next over a list the server pages (limit/offset); nothing when one page holds all. */
export function Pager(props: {
  offset: number;
  pageSize: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useI18n();
  const { offset, pageSize, total, onChange } = props;
  if (total <= pageSize) return null;
  return (
    <div className="pager">
      <button
        type="button"
        className="button button--secondary"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - pageSize))}
      >
        {t('action.previous')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={offset + pageSize >= total}
        onClick={() => onChange(offset + pageSize)}
      >
        {t('action.next')}
      </button>
    </div>
  );
}
