import { subject } from '@casl/ability';
import { useState } from 'react';
import { useActionPlan, useGenerateActionPlan, useUpdateActionPlanItem } from '../api/classification-queries';
import type { ActionPlanItem, ActionPlanStatus, Asset } from '../api/register-types';
import type { OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ErrorState, QueryView } from '../components/ErrorState';
import { formatNumber, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';

const STATUS_KEYS: Record<ActionPlanStatus, MessageKey> = {
  MET: 'classification.plan.status.MET',
  PARTLY: 'classification.plan.status.PARTLY',
  NOT_MET: 'classification.plan.status.NOT_MET',
  NOT_APPLICABLE: 'classification.plan.status.NOT_APPLICABLE',
};

/** The asset's action plan (BR-B7): the baseline requirements its levels call for, and their status. */
export function ActionPlanSection({ asset, units }: { asset: Asset; units: ReadonlyMap<string, OrgUnit> }) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const reads = ability.can('read', 'ActionPlanItem');
  const plan = useActionPlan(asset.id, reads);
  const generate = useGenerateActionPlan();
  if (!reads) return null;
  const itemSubject = (id: string) =>
    subject('ActionPlanItem', {
      id,
      tenantId: me.tenant.id,
      assetId: asset.id,
      orgUnitId: asset.orgUnitId,
      orgUnitPath: units.get(asset.orgUnitId)?.path ?? [asset.orgUnitId],
      assetOwnerId: asset.assetOwnerId,
      systemManagerId: asset.systemManagerId,
    });
  const mayUpdate = ability.can('update', itemSubject(''));

  return (
    <section aria-labelledby="plan-heading" data-section="action-plan">
      <h2 id="plan-heading">{t('classification.plan.heading')}</h2>
      <QueryView query={plan}>
        {(p) => (
          <>
            {p.fulfilment !== null && (
              <p data-kpi="K26">
                {t('classification.plan.k26', {
                  met: formatNumber(p.k26.numerator),
                  applicable: formatNumber(p.k26.denominator),
                  share: formatNumber(Math.round(p.fulfilment * 1000) / 10),
                })}
              </p>
            )}
            {p.items.length === 0 ? (
              <>
                <p>{t('classification.plan.none')}</p>
                {mayUpdate && (
                  <div className="actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={generate.isPending}
                      onClick={() => generate.mutate(asset.id)}
                    >
                      {t('classification.plan.generate')}
                    </button>
                  </div>
                )}
                {generate.error && <ErrorState error={generate.error} />}
              </>
            ) : (
              <ul className="record-list" data-list="action-plan">
                {p.items.map((item) => (
                  <PlanItem
                    key={item.id}
                    item={item}
                    editable={ability.can('update', itemSubject(item.id))}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function PlanItem({ item, editable }: { item: ActionPlanItem; editable: boolean }) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const update = useUpdateActionPlanItem();
  const [status, setStatus] = useState<ActionPlanStatus>(item.status);
  const [how, setHow] = useState(item.how ?? '');
  const changed = status !== item.status || how.trim() !== (item.how ?? '');
  const statusId = `plan-status-${item.id}`;
  const howId = `plan-how-${item.id}`;
  return (
    <li className="record" data-requirement={item.requirementCode}>
      <p className="record__title">
        {item.requirementCode}: {item.textSv}
      </p>
      {!editable ? (
        <p>
          {t(STATUS_KEYS[item.status])}
          {item.how ? ` – ${item.how}` : ''}
        </p>
      ) : (
        <form
          className="plan-item__form"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate(
              {
                id: item.id,
                version: item.version,
                status,
                how: how.trim() || null,
                ...(status === 'NOT_APPLICABLE' ? { notApplicableReason: how.trim() || null } : {}),
              },
              { onSuccess: () => announce(t('classification.plan.saved', { code: item.requirementCode })) },
            );
          }}
        >
          <div className="field">
            <label htmlFor={statusId} className="field__label">
              {t('classification.plan.statusFor', { code: item.requirementCode })}
            </label>
            <select
              id={statusId}
              className="field__input"
              value={status}
              onChange={(e) => setStatus(e.target.value as ActionPlanStatus)}
            >
              {(Object.keys(STATUS_KEYS) as ActionPlanStatus[]).map((s) => (
                <option key={s} value={s}>
                  {t(STATUS_KEYS[s])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={howId} className="field__label">
              {t('classification.plan.how')}
            </label>
            <textarea
              id={howId}
              className="field__input"
              rows={2}
              value={how}
              onChange={(e) => setHow(e.target.value)}
            />
          </div>
          {update.error && <ErrorState error={update.error} />}
          <button
            type="submit"
            className="button button--secondary button--small"
            disabled={!changed || update.isPending}
          >
            {update.isPending ? t('status.saving') : t('classification.plan.save')}
          </button>
        </form>
      )}
    </li>
  );
}
