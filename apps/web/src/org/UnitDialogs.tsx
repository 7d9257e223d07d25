import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreateUnit, useDeactivateUnit, useMoveUnit, useOrgTree, useRenameUnit } from '../api/queries';
import type { OrgUnit, OrgUnitType } from '../api/types';
import { ActionDialog } from '../components/ActionDialog';
import { SelectField, TextArea, TextField } from '../components/fields';
import { formatNumber, useI18n } from '../i18n/i18n';
import { ORG_TYPE_KEYS } from '../i18n/labels';
import { useNotice } from '../layout/notice';
import { branchIds, visibleNodes } from './tree-model';
import { descendantsOf } from './unit-model';

const unitHref = (id: string) => `/organisation/${id}`;
const CODE = /^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9-]{0,19}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CREATABLE_TYPES = (Object.keys(ORG_TYPE_KEYS) as OrgUnitType[]).filter(
  (type) => type !== 'TENANT_ROOT',
);

interface UnitDialogProps {
  unit: OrgUnit;
  units: ReadonlyMap<string, OrgUnit>;
  onClose: () => void;
}

export function CreateUnitDialog({ unit: parent, onClose }: UnitDialogProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { announce } = useNotice();
  const create = useCreateUnit();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [type, setType] = useState<OrgUnitType | ''>('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const validate = () => {
    const next = {
      code: CODE.test(code) ? undefined : t('org.field.codeInvalid'),
      name: name.trim() ? undefined : t('org.field.nameRequired'),
      type: type ? undefined : t('org.field.typeRequired'),
    };
    setErrors(next);
    return !next.code && !next.name && !next.type;
  };

  return (
    <ActionDialog
      title={t('org.create.title', { parent: parent.name })}
      onClose={onClose}
      validate={validate}
      confirmLabel={t('org.create.confirm')}
      summary={
        <p>
          {t('org.create.summary', {
            name: name.trim(),
            code,
            type: type ? t(ORG_TYPE_KEYS[type]) : '',
            parent: parent.name,
          })}
        </p>
      }
      onConfirm={async () => {
        const created = await create.mutateAsync({
          code,
          name: name.trim(),
          ...(shortName.trim() ? { shortName: shortName.trim() } : {}),
          type: type as OrgUnitType,
          parentId: parent.id,
        });
        announce(t('org.create.done', { name: created.name }), unitHref(created.id));
        onClose();
        await navigate(unitHref(created.id));
      }}
    >
      <TextField
        label={t('org.field.code')}
        hint={t('org.field.codeHint')}
        value={code}
        onChange={(v) => setCode(v.toLocaleUpperCase('sv-SE'))}
        maxLength={20}
        required
        error={errors.code}
      />
      <TextField
        label={t('org.field.name')}
        value={name}
        onChange={setName}
        maxLength={200}
        required
        error={errors.name}
      />
      <TextField
        label={t('org.field.shortName')}
        hint={t('org.field.shortNameHint')}
        value={shortName}
        onChange={setShortName}
        maxLength={40}
      />
      <SelectField
        label={t('org.field.type')}
        value={type}
        onChange={(v) => setType(v as OrgUnitType)}
        required
        error={errors.type}
      >
        <option value="">{t('org.field.chooseType')}</option>
        {CREATABLE_TYPES.map((value) => (
          <option key={value} value={value}>
            {t(ORG_TYPE_KEYS[value])}
          </option>
        ))}
      </SelectField>
    </ActionDialog>
  );
}

export function RenameUnitDialog({ unit, onClose }: UnitDialogProps) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const rename = useRenameUnit();
  const [name, setName] = useState(unit.name);
  const [shortName, setShortName] = useState(unit.shortName);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const validate = () => {
    const next = {
      name: !name.trim()
        ? t('org.field.nameRequired')
        : name.trim() === unit.name && shortName.trim() === unit.shortName
          ? t('org.rename.unchanged')
          : undefined,
      shortName: shortName.trim() ? undefined : t('org.field.shortNameRequired'),
    };
    setErrors(next);
    return !next.name && !next.shortName;
  };

  return (
    <ActionDialog
      title={t('org.rename.title', { name: unit.name })}
      onClose={onClose}
      validate={validate}
      confirmLabel={t('org.rename.confirm')}
      summary={
        <ul>
          {name.trim() !== unit.name && (
            <li>{t('org.rename.summaryName', { from: unit.name, to: name.trim() })}</li>
          )}
          {shortName.trim() !== unit.shortName && (
            <li>{t('org.rename.summaryShortName', { from: unit.shortName, to: shortName.trim() })}</li>
          )}
          <li>{t('org.rename.summaryKeeps')}</li>
        </ul>
      }
      onConfirm={async () => {
        await rename.mutateAsync({
          id: unit.id,
          version: unit.version,
          ...(name.trim() !== unit.name ? { name: name.trim() } : {}),
          ...(shortName.trim() !== unit.shortName ? { shortName: shortName.trim() } : {}),
        });
        announce(t('org.rename.done', { name: name.trim() }));
        onClose();
      }}
    >
      <TextField
        label={t('org.field.name')}
        value={name}
        onChange={setName}
        maxLength={200}
        required
        error={errors.name}
      />
      <TextField
        label={t('org.field.shortName')}
        value={shortName}
        onChange={setShortName}
        maxLength={40}
        required
        error={errors.shortName}
      />
    </ActionDialog>
  );
}

export function MoveUnitDialog({ unit, units, onClose }: UnitDialogProps) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const move = useMoveUnit();
  const tree = useOrgTree('ACTIVE');
  const [parentId, setParentId] = useState('');
  const [error, setError] = useState<string>();
  const moving = useMemo(() => descendantsOf(unit.id, units), [unit.id, units]);
  // Candidates in tree order: active units, not the unit itself nor anything below it, not the current parent.
  const candidates = useMemo(() => {
    const nodes = tree.data ?? [];
    return visibleNodes(nodes, branchIds(nodes)).filter(
      (v) => !v.node.path.includes(unit.id) && v.node.id !== unit.parentId,
    );
  }, [tree.data, unit.id, unit.parentId]);
  const from = unit.parentId ? units.get(unit.parentId) : undefined;
  const to = parentId ? units.get(parentId) : undefined;

  const validate = () => {
    const message = parentId ? undefined : t('org.move.parentRequired');
    setError(message);
    return !message;
  };

  const shown = moving.slice(0, 10);
  return (
    <ActionDialog
      title={t('org.move.title', { name: unit.name })}
      onClose={onClose}
      validate={validate}
      confirmLabel={t('org.move.confirm')}
      summary={
        <>
          <p>
            {moving.length === 0
              ? t('org.move.summaryAlone', { name: unit.name, from: from?.name ?? '', to: to?.name ?? '' })
              : t('org.move.summaryWithChildren', {
                  name: unit.name,
                  count: formatNumber(moving.length),
                  from: from?.name ?? '',
                  to: to?.name ?? '',
                })}
          </p>
          {moving.length > 0 && (
            <ul className="compact-list">
              {shown.map((u) => (
                <li key={u.id}>
                  {u.name} ({u.code})
                </li>
              ))}
              {moving.length > shown.length && (
                <li>{t('org.move.andMore', { count: formatNumber(moving.length - shown.length) })}</li>
              )}
            </ul>
          )}
          <p>{t('org.move.summaryKeeps')}</p>
        </>
      }
      onConfirm={async () => {
        await move.mutateAsync({ id: unit.id, version: unit.version, parentId });
        announce(t('org.move.done', { name: unit.name, to: to?.name ?? '' }));
        onClose();
      }}
    >
      <p>{t('org.move.current', { parent: from?.name ?? '–' })}</p>
      <SelectField
        label={t('org.move.newParent')}
        value={parentId}
        onChange={setParentId}
        required
        error={error}
      >
        <option value="">{t('org.move.chooseParent')}</option>
        {candidates.map((v) => (
          <option key={v.node.id} value={v.node.id}>
            {'\u00a0\u00a0'.repeat(v.level - 1)}
            {v.node.name} ({v.node.code})
          </option>
        ))}
      </SelectField>
    </ActionDialog>
  );
}

export function DeactivateUnitDialog({ unit, units, onClose }: UnitDialogProps) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const deactivate = useDeactivateUnit();
  const [reason, setReason] = useState('');
  const [validTo, setValidTo] = useState('');
  const [error, setError] = useState<string>();
  const activeChildren = [...units.values()].filter((u) => u.parentId === unit.id && u.status === 'ACTIVE');

  const validate = () => {
    const message =
      validTo && !DATE.test(validTo)
        ? t('org.field.dateInvalid')
        : validTo && validTo < unit.validFrom
          ? t('org.deactivate.beforeValidFrom', { date: unit.validFrom })
          : undefined;
    setError(message);
    return !message;
  };

  return (
    <ActionDialog
      title={t('org.deactivate.title', { name: unit.name })}
      onClose={onClose}
      validate={validate}
      danger
      confirmLabel={t('org.deactivate.confirm')}
      summary={
        <>
          <p>
            {validTo
              ? t('org.deactivate.summaryOn', { name: unit.name, date: validTo })
              : t('org.deactivate.summaryToday', { name: unit.name })}
          </p>
          <p>{t('org.deactivate.noCascade')}</p>
        </>
      }
      onConfirm={async () => {
        await deactivate.mutateAsync({
          id: unit.id,
          version: unit.version,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(validTo ? { validTo } : {}),
        });
        announce(t('org.deactivate.done', { name: unit.name }));
        onClose();
      }}
    >
      {activeChildren.length > 0 && (
        <p className="warning">
          {t('org.deactivate.hasChildren', { count: formatNumber(activeChildren.length) })}
        </p>
      )}
      <TextField
        label={t('org.deactivate.validTo')}
        hint={t('org.deactivate.validToHint')}
        type="date"
        value={validTo}
        onChange={setValidTo}
        error={error}
      />
      <TextArea label={t('org.deactivate.reason')} value={reason} onChange={setReason} maxLength={500} />
    </ActionDialog>
  );
}
