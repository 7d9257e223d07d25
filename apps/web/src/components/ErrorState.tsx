import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../i18n/labels';

/** What a failed load or action looks like: the reason in the UI language and the correlation id. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const correlationId = error instanceof ApiError ? error.correlationId : null;
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{t('error.title')}</p>
      <p>{errorMessage(t, error)}</p>
      {correlationId && (
        <p className="error-state__ref">
          {t('error.correlationId')} <code>{correlationId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {label ?? t('status.loading')}
    </p>
  );
}

/** Loading and error states of one query, then the content. */
export function QueryView<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}
