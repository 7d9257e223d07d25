import { ROLES, type Role } from '@varna/authz/core';
import { useState } from 'react';
import { useAssignRole, useEndAssignment, usePeople } from '../api/queries';
import type { OrgUnit, Person, RoleAssignment } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ActionDialog } from '../components/ActionDialog';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import { todayInStockholm, useI18n } from '../i18n/i18n';
import { ROLE_KEYS } from '../i18n/labels';
import { useNotice } from '../layout/notice';
import { appointableRoles } from './unit-model';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface AssignProps {
  unit: OrgUnit;
  units: ReadonlyMap<string, OrgUnit>;
  onClose: () => void;
}

export function AssignRoleDialog({ unit, units, onClose }: AssignProps) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const { announce } = useNotice();
  const assign = useAssignRole();
  const [q, setQ] = useState('');
  const [person, setPerson] = useState<Person | undefined>();
  const [role, setRole] = useState<Role | ''>('');
  const [includeSubtree, setIncludeSubtree] = useState(true);
  const [validFrom, setValidFrom] = useState(todayInStockholm());
  const [validTo, setValidTo] = useState('');
  const [appointmentRef, setAppointmentRef] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const people = usePeople({ q: q.trim() || undefined, limit: 50 });
  const candidates = (people.data?.items ?? []).filter((p) => p.status === 'ACTIVE');
  const personId = person?.id ?? '';
  // The chosen person stays selectable while the search goes on.
  const options =
    person && !candidates.some((p) => p.id === person.id) ? [person, ...candidates] : candidates;
  // The roles the rules allow on this unit, for this person (nobody appoints themself, D-50).
  const roles = appointableRoles(ability, ROLES, unit, units, me.tenant.id, personId);
  const isSelf = personId === me.person.id;

  const validate = () => {
    const next = {
      person: !personId ? t('assign.personRequired') : isSelf ? t('assign.notSelf') : undefined,
      role: !role ? t('assign.roleRequired') : !roles.includes(role) ? t('assign.roleNotAllowed') : undefined,
      validFrom: DATE.test(validFrom) ? undefined : t('org.field.dateInvalid'),
      validTo:
        validTo && !DATE.test(validTo)
          ? t('org.field.dateInvalid')
          : validTo && validTo < validFrom
            ? t('assign.validToBeforeFrom')
            : undefined,
    };
    setErrors(next);
    return !Object.values(next).some(Boolean);
  };

  const roleLabel = role ? t(ROLE_KEYS[role]) : '';
  const summary = { person: person?.displayName ?? '', role: roleLabel, unit: unit.name, from: validFrom };
  return (
    <ActionDialog
      title={t('assign.title', { unit: unit.name })}
      onClose={onClose}
      validate={validate}
      confirmLabel={t('assign.confirm')}
      summary={
        <p>
          {includeSubtree ? t('assign.summarySubtree', summary) : t('assign.summaryUnitOnly', summary)}{' '}
          {validTo ? t('assign.summaryUntil', { to: validTo }) : t('assign.summaryOpenEnded')}
        </p>
      }
      onConfirm={async () => {
        await assign.mutateAsync({
          personId,
          role: role as Role,
          orgUnitIds: [unit.id],
          includeSubtree,
          validFrom,
          ...(validTo ? { validTo } : {}),
          ...(appointmentRef.trim() ? { appointmentRef: appointmentRef.trim() } : {}),
        });
        announce(t('assign.done', { person: person?.displayName ?? '', role: roleLabel }));
        onClose();
      }}
    >
      <TextField
        label={t('assign.searchPerson')}
        hint={t('assign.searchPersonHint')}
        type="search"
        value={q}
        onChange={setQ}
      />
      <SelectField
        label={t('assign.person')}
        value={personId}
        onChange={(id) => setPerson(options.find((p) => p.id === id))}
        required
        error={errors.person}
      >
        <option value="">
          {people.isPending ? t('status.loading') : t('assign.choosePerson', { count: candidates.length })}
        </option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName} ({p.username})
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('assign.role')}
        value={role}
        onChange={(v) => setRole(v as Role)}
        required
        error={errors.role}
      >
        <option value="">{t('assign.chooseRole')}</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(ROLE_KEYS[r])}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        label={t('assign.includeSubtree')}
        hint={t('assign.includeSubtreeHint')}
        checked={includeSubtree}
        onChange={setIncludeSubtree}
      />
      <TextField
        label={t('assign.validFrom')}
        type="date"
        value={validFrom}
        onChange={setValidFrom}
        required
        error={errors.validFrom}
      />
      <TextField
        label={t('assign.validTo')}
        hint={t('assign.validToHint')}
        type="date"
        value={validTo}
        onChange={setValidTo}
        error={errors.validTo}
      />
      <TextField
        label={t('assign.appointmentRef')}
        hint={t('assign.appointmentRefHint')}
        value={appointmentRef}
        onChange={setAppointmentRef}
        maxLength={60}
      />
    </ActionDialog>
  );
}

interface EndProps {
  assignment: RoleAssignment;
  personName: string;
  unitNames: string;
  onClose: () => void;
}

export function EndAssignmentDialog({ assignment, personName, unitNames, onClose }: EndProps) {
  const { t } = useI18n();
  const { announce } = useNotice();
  const end = useEndAssignment();
  const today = todayInStockholm();
  const [validTo, setValidTo] = useState(
    assignment.validTo && assignment.validTo < today
      ? assignment.validTo
      : today < assignment.validFrom
        ? assignment.validFrom
        : today,
  );
  const [error, setError] = useState<string>();
  const role = t(ROLE_KEYS[assignment.role]);

  const validate = () => {
    const message = !DATE.test(validTo)
      ? t('org.field.dateInvalid')
      : validTo < assignment.validFrom
        ? t('end.beforeValidFrom', { date: assignment.validFrom })
        : undefined;
    setError(message);
    return !message;
  };

  return (
    <ActionDialog
      title={t('end.title', { person: personName, role })}
      onClose={onClose}
      validate={validate}
      danger
      confirmLabel={t('end.confirm')}
      summary={
        <>
          <p>{t('end.summary', { person: personName, role, units: unitNames, date: validTo })}</p>
          <p>{t('end.keepsHistory')}</p>
        </>
      }
      onConfirm={async () => {
        await end.mutateAsync({ id: assignment.id, version: assignment.version, validTo });
        announce(t('end.done', { person: personName, role }));
        onClose();
      }}
    >
      <TextField
        label={t('end.lastDay')}
        hint={t('end.lastDayHint')}
        type="date"
        value={validTo}
        onChange={setValidTo}
        required
        error={error}
      />
    </ActionDialog>
  );
}
