import { Link, useParams, useSearchParams } from 'react-router';
import { useClassificationModel, useClassificationsOfSet } from '../api/classification-queries';
import { useOrgUnitList, usePersons } from '../api/queries';
import { useInformationSet } from '../api/register-queries';
import type { Aspect, Classification, InformationSet } from '../api/register-types';
import type { OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import {
  classificationSubject,
  newClassificationOf,
  openClassification,
} from '../classification/classification-model';
import { CancelClassificationAction } from '../classification/CancelClassificationAction';
import { ClassificationWizard } from '../classification/ClassificationWizard';
import { DecisionPanel, ProposalView } from '../classification/DecisionPanel';
import { CLASSIFICATION_STATUS_KEYS } from '../classification/labels';
import { ErrorState, Loading } from '../components/ErrorState';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { infoSetPath, isFull } from '../registers/register-model';

/**
 * /informationsmangder/:id/klassning: the samordnare's wizard for the set's open draft (or a new
 * one), the informationsägare's decision on a proposal, or the open classification read-only.
 */
export function ClassificationWizardPage() {
  const { setId = '' } = useParams();
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const set = useInformationSet(setId);
  const units = useOrgUnitList();
  const versions = useClassificationsOfSet(setId, ability.can('read', 'Classification'));
  const title = set.data
    ? t('classification.wizard.title', { code: set.data.code })
    : t('classification.heading');
  const failed = set.error ?? units.error ?? versions.error;
  return (
    <section className="page" data-page="classification-wizard">
      <PageHeading title={title} />
      <nav aria-label={t('infoSets.common.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/informationsmangder">{t('infoSets.title')}</Link>
          </li>
          <li>{set.data ? <Link to={infoSetPath(set.data.id)}>{set.data.code}</Link> : '…'}</li>
          <li aria-current="page">{t('classification.heading')}</li>
        </ol>
      </nav>
      {failed ? (
        <ErrorState error={failed} />
      ) : !set.data || !units.data || (ability.can('read', 'Classification') && !versions.data) ? (
        <Loading />
      ) : !isFull(set.data) || !versions.data ? (
        <p>{t('classification.wizard.nothingForYou')}</p>
      ) : (
        <Content set={set.data} units={units.data} versions={versions.data.items} />
      )}
    </section>
  );
}

function Content({
  set,
  units,
  versions,
}: {
  set: InformationSet;
  units: ReadonlyMap<string, OrgUnit>;
  versions: Classification[];
}) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  // Started from a klassningstillfälle: a new draft is made in that session.
  const [search] = useSearchParams();
  const sessionId = search.get('klassningstillfalle') ?? '';
  const tenantId = me.tenant.id;
  const open = openClassification(versions);
  const proposer = usePersons(open?.proposedById ? [open.proposedById] : [], ability.can('read', 'Person'));
  const subjectOf = (c: Parameters<typeof classificationSubject>[0]) =>
    classificationSubject(c, units, tenantId);

  const edits = open
    ? open.status === 'DRAFT' && ability.can('update', subjectOf(open))
    : set.status !== 'RETIRED' &&
      !set.specialHandling &&
      ability.can('create', subjectOf(newClassificationOf(set)));
  const decides = open !== null && ability.can('approve', subjectOf(open));
  const model = useClassificationModel();
  // Guiding questions per level band of an aspect; while the model loads, none are shown.
  const guiding = (aspect: Aspect) =>
    (model.data?.guidingQuestions ?? [])
      .filter((g) => g.aspect === aspect)
      .map((g) => ({ level: g.level, questions: g.questionsSv }));

  if (edits) {
    return (
      <>
        <ClassificationWizard
          key={open?.id ?? 'new'}
          set={set}
          draft={open}
          guiding={guiding}
          sessionId={sessionId || undefined}
        />
        {open && <CancelClassificationAction set={set} classification={open} units={units} />}
      </>
    );
  }
  if (!open) return <p>{t('classification.wizard.noneOpen')}</p>;
  return (
    <>
      <p>{t('classification.wizard.openStatus', { status: t(CLASSIFICATION_STATUS_KEYS[open.status]) })}</p>
      <ProposalView
        classification={open}
        proposerName={open.proposedById ? proposer.get(open.proposedById)?.displayName : undefined}
      />
      {decides && <DecisionPanel set={set} classification={open} mayDecide={open.status === 'PROPOSED'} />}
      <CancelClassificationAction set={set} classification={open} units={units} />
    </>
  );
}
