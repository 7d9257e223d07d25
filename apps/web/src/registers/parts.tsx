import type { ReactNode } from 'react';
import type { InformationSet } from '../api/register-types';
import { formatDate, useI18n } from '../i18n/i18n';
import { dueState } from './register-model';

/** One fact of a record page: a term and its value (a dash when empty). */
export function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{value === null || value === undefined || value === '' ? '–' : value}</dd>
    </div>
  );
}

/** A review date with its state in words (never colour alone): förfallen, förfaller snart. */
export function DueDate({ date, today }: { date: string; today: string }) {
  const { t } = useI18n();
  const state = dueState(date, today);
  return (
    <span className="nowrap" data-due={state}>
      {formatDate(date)}
      {state === 'overdue' && <span className="tag tag--danger">{t('classification.overdue')}</span>}
      {state === 'dueSoon' && <span className="tag tag--warning">{t('classification.dueSoon')}</span>}
    </span>
  );
}

/** The personal-data flags of a set, short: "Ja: art. 9, barn" or "Nej". */
export function PersonalDataSummary({
  set,
}: {
  set: Pick<
    InformationSet,
    | 'containsPersonalData'
    | 'specialCategoryData'
    | 'criminalOffenceData'
    | 'concernsChildren'
    | 'protectedIdentity'
  >;
}) {
  const { t } = useI18n();
  if (!set.containsPersonalData) return <>{t('common.no')}</>;
  const flags = [
    set.specialCategoryData && t('infoSets.flag.art9'),
    set.criminalOffenceData && t('infoSets.flag.art10'),
    set.concernsChildren && t('infoSets.flag.children'),
    set.protectedIdentity && t('infoSets.flag.protectedIdentity'),
  ].filter(Boolean);
  return <>{flags.length ? `${t('common.yes')}: ${flags.join(', ')}` : t('common.yes')}</>;
}
