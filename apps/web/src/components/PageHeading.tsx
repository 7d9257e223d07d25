import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

let firstPage = true;

/**
 * The page's h1 and document title. After a route change the heading takes the focus, so keyboard and
 * screen-reader users start at the new page's top (the first page of a visit keeps the browser's focus).
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
