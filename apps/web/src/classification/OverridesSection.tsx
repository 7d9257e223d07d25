import { subject } from '@casl/ability';
import { useState } from 'react';
import { useCreateOverride, useOverrides, useOverrideStep } from '../api/classification-queries';
import type {
  Asset,
  Aspect,
  OverrideDirection,
  OverrideReasonType,
  OverrideStatus,
  ProtectionOverride,
} from '../api/register-types';
import type { OrgUnit } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ActionDialog } from '../components/ActionDialog';
import { QueryView } from '../components/ErrorState';
import { SelectField, TextArea, TextField } from '../components/fields';
import { formatDate, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useNotice } from '../layout/notice';
import { ASPECT_KEYS } from './labels';
import { LevelName } from './Levels';
import { ASPECTS } from './wizard-model';

const REASON_KEYS: Record<OverrideReasonType, MessageKey> = {
  AGGREGATION: 'classification.override.reason.AGGREGATION',
  ACCUMULATION: 'classification.override.reason.ACCUMULATION',
  INTEGRATION: 'classification.override.reason.INTEGRATION',
  DISTRIBUTION: 'classification.override.reason.DISTRIBUTION',
  SEGREGATION: 'classification.override.reason.SEGREGATION',
  OTHER: 'classification.override.reason.OTHER',
};
const STATUS_KEYS: Record<OverrideStatus, MessageKey> = {
  REQUESTED: 'classification.override.status.REQUESTED',
  ACTIVE: 'classification.override.status.ACTIVE',
  REJECTED: 'classification.override.status.REJECTED',
  WITHDRAWN: 'classification.override.status.WITHDRAWN',
  EXPIRED: 'classification.override.status.EXPIRED',
};
const DIRECTION_KEYS: Record<OverrideDirection, MessageKey> = {
  RAISE: 'classification.override.direction.RAISE',
  LOWER: 'classification.override.direction.LOWER',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function overrideSubject(
  asset: Asset,
  units: ReadonlyMap<string, Pick<OrgUnit, 'path'>>,
  tenantId: string,
  o: { id: string; requestedById: string; direction: OverrideDirection },
) {
  return subject('ProtectionOverride', {
    id: o.id,
    tenantId,
    assetId: asset.id,
    orgUnitId: asset.orgUnitId,
    orgUnitPath: units.get(asset.orgUnitId)?.path ?? [asset.orgUnitId],
    assetOwnerId: asset.assetOwnerId,
    systemManagerId: asset.systemManagerId,
    requestedById: o.requestedById,
    direction: o.direction,
  });
}

/** Overrides of an asset's levels (BR-B4, D-55): a raise is in force at once, a lowering awaits the CISO. */
export function OverridesSection({ asset, units }: { asset: Asset; units: ReadonlyMap<string, OrgUnit> }) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const reads = ability.can('read', 'ProtectionOverride');
  const overrides = useOverrides(asset.id, reads);
  const [requesting, setRequesting] = useState(false);
  const [acting, setActing] = useState<{
    o: ProtectionOverride;
    step: 'approve' | 'reject' | 'withdraw';
  } | null>(null);
  if (!reads) return null;
  const tenantId = me.tenant.id;
  const mayRequest = (direction: OverrideDirection) =>
    ability.can(
      'create',
      overrideSubject(asset, units, tenantId, { id: '', requestedById: me.person.id, direction }),
    );

  return (
    <section aria-labelledby="overrides-heading" data-section="overrides">
      <h2 id="overrides-heading">{t('classification.override.heading')}</h2>
      <p>{t('classification.override.lead')}</p>
      {(mayRequest('RAISE') || mayRequest('LOWER')) && (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => setRequesting(true)}>
            {t('classification.override.open')}
          </button>
        </div>
      )}
      <QueryView query={overrides}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('classification.override.none')}</p>
          ) : (
            <ul className="record-list" data-list="overrides">
              {list.items.map((o) => {
                const s = overrideSubject(asset, units, tenantId, o);
                const open = o.status === 'REQUESTED' || o.status === 'ACTIVE';
                return (
                  <li key={o.id} className="record" data-override={o.status}>
                    <p className="record__title">
                      {t(ASPECT_KEYS[o.aspect])}: {t(DIRECTION_KEYS[o.direction])}{' '}
                      <LevelName level={o.level} /> – {t(STATUS_KEYS[o.status])}
                    </p>
                    <p>
                      {t(REASON_KEYS[o.reasonType])}: {o.reason}
                    </p>
                    {o.validUntil && (
                      <p>
                        {t('classification.override.validUntilShown', { date: formatDate(o.validUntil) })}
                      </p>
                    )}
                    {o.rejectionReason && (
                      <p>{t('classification.override.rejectedBecause', { reason: o.rejectionReason })}</p>
                    )}
                    <div className="actions">
                      {o.status === 'REQUESTED' && ability.can('approve', s) && (
                        <>
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => setActing({ o, step: 'approve' })}
                          >
                            {t('classification.override.approve')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => setActing({ o, step: 'reject' })}
                          >
                            {t('classification.override.reject')}
                          </button>
                        </>
                      )}
                      {open && ability.can('update', s) && (
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          onClick={() => setActing({ o, step: 'withdraw' })}
                        >
                          {t('classification.override.withdraw')}
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
      {requesting && (
        <RequestOverrideDialog
          asset={asset}
          mayLower={mayRequest('LOWER')}
          onClose={() => setRequesting(false)}
        />
      )}
      {acting && (
        <OverrideStepDialog
          asset={asset}
          override={acting.o}
          step={acting.step}
          onClose={() => setActing(null)}
        />
      )}
    </section>
  );
}

function RequestOverrideDialog({
  asset,
  mayLower,
  onClose,
}: {
  asset: Asset;
  mayLower: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const create = useCreateOverride();
  const [aspect, setAspect] = useState<Aspect | ''>('');
  const [direction, setDirection] = useState<OverrideDirection>('RAISE');
  const [level, setLevel] = useState('');
  const [reasonType, setReasonType] = useState<OverrideReasonType | ''>('');
  const [reason, setReason] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const validate = () => {
    const next = {
      aspect: aspect ? undefined : t('classification.override.aspectRequired'),
      level: level ? undefined : t('classification.override.levelRequired'),
      reasonType: reasonType ? undefined : t('classification.override.reasonTypeRequired'),
      reason: reason.trim() ? undefined : t('classification.override.reasonRequired'),
      validUntil:
        direction === 'LOWER' && !DATE.test(validUntil)
          ? t('classification.override.validUntilRequired')
          : undefined,
    };
    setErrors(next);
    return Object.values(next).every((e) => !e);
  };

  return (
    <ActionDialog
      title={t('classification.override.title', { code: asset.code })}
      onClose={onClose}
      validate={validate}
      confirmLabel={t(
        direction === 'RAISE'
          ? 'classification.override.confirmRaise'
          : 'classification.override.confirmLower',
      )}
      summary={
        <p>
          {t(
            direction === 'RAISE'
              ? 'classification.override.summaryRaise'
              : 'classification.override.summaryLower',
            {
              aspect: aspect ? t(ASPECT_KEYS[aspect]) : '',
              level,
              code: asset.code,
            },
          )}
        </p>
      }
      onConfirm={async () => {
        await create.mutateAsync({
          assetId: asset.id,
          aspect: aspect as Aspect,
          level: Number(level),
          direction,
          reasonType: reasonType as OverrideReasonType,
          reason: reason.trim(),
          ...(direction === 'LOWER' ? { validUntil } : {}),
        });
        announce(t('classification.override.done'));
        onClose();
      }}
    >
      {mayLower && (
        <SelectField
          label={t('classification.override.directionLabel')}
          value={direction}
          onChange={(v) => setDirection(v as OverrideDirection)}
        >
          <option value="RAISE">{t('classification.override.direction.RAISE')}</option>
          <option value="LOWER">{t('classification.override.direction.LOWER')}</option>
        </SelectField>
      )}
      <SelectField
        label={t('classification.protection.aspect')}
        value={aspect}
        onChange={(v) => setAspect(v as Aspect)}
        required
        error={errors.aspect}
      >
        <option value="">{t('classification.override.choose')}</option>
        {ASPECTS.map((a) => (
          <option key={a} value={a}>
            {t(ASPECT_KEYS[a])}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('classification.override.level')}
        value={level}
        onChange={setLevel}
        required
        error={errors.level}
      >
        <option value="">{t('classification.override.choose')}</option>
        {[0, 1, 2, 3].map((l) => (
          <option key={l} value={String(l)}>
            {l}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('classification.override.reasonType')}
        value={reasonType}
        onChange={(v) => setReasonType(v as OverrideReasonType)}
        required
        error={errors.reasonType}
      >
        <option value="">{t('classification.override.choose')}</option>
        {(Object.keys(REASON_KEYS) as OverrideReasonType[]).map((r) => (
          <option key={r} value={r}>
            {t(REASON_KEYS[r])}
          </option>
        ))}
      </SelectField>
      <TextArea
        label={t('classification.override.reasonLabel')}
        value={reason}
        onChange={setReason}
        required
        maxLength={5000}
        error={errors.reason}
      />
      {direction === 'LOWER' && (
        <TextField
          label={t('classification.override.validUntil')}
          hint={t('classification.override.validUntilHint')}
          value={validUntil}
          onChange={setValidUntil}
          required
          error={errors.validUntil}
        />
      )}
    </ActionDialog>
  );
}

function OverrideStepDialog({
  asset,
  override,
  step,
  onClose,
}: {
  asset: Asset;
  override: ProtectionOverride;
  step: 'approve' | 'reject' | 'withdraw';
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const run = useOverrideStep();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const keys = {
    approve: ['classification.override.approve', 'classification.override.approveSummary'],
    reject: ['classification.override.reject', 'classification.override.rejectSummary'],
    withdraw: ['classification.override.withdraw', 'classification.override.withdrawSummary'],
  } as const;
  return (
    <ActionDialog
      title={t(keys[step][0])}
      onClose={onClose}
      danger={step !== 'approve'}
      validate={() => {
        const message =
          step === 'reject' && !reason.trim() ? t('classification.override.reasonRequired') : null;
        setError(message);
        return message === null;
      }}
      confirmLabel={t(keys[step][0])}
      summary={<p>{t(keys[step][1], { aspect: t(ASPECT_KEYS[override.aspect]), level: override.level })}</p>}
      onConfirm={async () => {
        await run.mutateAsync({
          assetId: asset.id,
          overrideId: override.id,
          step,
          reason: reason.trim() || undefined,
        });
        announce(t('classification.override.stepDone'));
        onClose();
      }}
    >
      {step === 'reject' ? (
        <TextArea
          label={t('classification.override.reasonLabel')}
          value={reason}
          onChange={setReason}
          required
          error={error}
        />
      ) : (
        <p>{t(keys[step][1], { aspect: t(ASPECT_KEYS[override.aspect]), level: override.level })}</p>
      )}
    </ActionDialog>
  );
}
