import { ROLES } from '@varna/authz/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAssignmentsOfUnit, useOrgUnit, useOrgUnitList, usePeople, usePersons } from '../api/queries';
import type { OrgUnit, RoleAssignment } from '../api/types';
import { useSignedIn } from '../auth/session';
import { ErrorState, Loading, QueryView } from '../components/ErrorState';
import { Fact } from '../components/Fact';
import { PageHeading } from '../components/PageHeading';
import { formatNumber, todayInStockholm, useI18n } from '../i18n/i18n';
import { ORG_TYPE_KEYS, ROLE_KEYS } from '../i18n/labels';
import { AssignRoleDialog, EndAssignmentDialog } from '../org/AssignmentDialogs';
import { CreateUnitDialog, DeactivateUnitDialog, MoveUnitDialog, RenameUnitDialog } from '../org/UnitDialogs';
import { appointableRoles, assignmentState, assignmentSubject, unitSubject } from '../org/unit-model';
import { unitPath } from './OrgTreePage';

type UnitAction = 'create' | 'rename' | 'move' | 'deactivate' | 'assign';

/** One unit: facts, sub-units, its people (home unit) and the role assignments on it; admin actions. */
export function OrgUnitPage() {
  const { unitId = '' } = useParams();
  const { t } = useI18n();
  const unit = useOrgUnit(unitId);
  const units = useOrgUnitList();
  return (
    <section className="page" data-page="org-unit">
      <PageHeading title={unit.data?.name ?? t('org.unit.title')} />
      {unit.error ? (
        <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />
      ) : units.error ? (
        <ErrorState error={units.error} onRetry={() => void units.refetch()} />
      ) : !unit.data || !units.data ? (
        <Loading />
      ) : (
        <UnitContent key={unit.data.id} unit={unit.data} units={units.data} />
      )}
    </section>
  );
}

function UnitContent({ unit, units }: { unit: OrgUnit; units: ReadonlyMap<string, OrgUnit> }) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const [action, setAction] = useState<UnitAction | null>(null);
  const tenantId = me.tenant.id;
  const mayUpdate = ability.can('update', unitSubject(unit, tenantId));
  const mayCreateChild = ability.can('create', unitSubject({ id: '', path: [...unit.path, ''] }, tenantId));
  const active = unit.status === 'ACTIVE';
  const mayAssign = active && appointableRoles(ability, ROLES, unit, units, tenantId).length > 0;
  const ancestors = unit.path
    .slice(0, -1)
    .map((id) => units.get(id))
    .filter((u): u is OrgUnit => Boolean(u));
  const children = [...units.values()]
    .filter((u) => u.parentId === unit.id)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
  const close = () => setAction(null);
  const dialogProps = { unit, units, onClose: close };

  return (
    <>
      <nav aria-label={t('org.unit.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/organisation">{t('org.tree.title')}</Link>
          </li>
          {ancestors.map((a) => (
            <li key={a.id}>
              <Link to={unitPath(a.id)}>{a.name}</Link>
            </li>
          ))}
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>
      {unit.status === 'DISSOLVED' && (
        <p className="warning">{t('org.unit.dissolvedNotice', { date: unit.validTo ?? '' })}</p>
      )}
      <dl className="facts">
        <Fact label={t('org.field.code')} value={unit.code} />
        <Fact label={t('org.field.shortName')} value={unit.shortName} />
        <Fact label={t('org.field.type')} value={t(ORG_TYPE_KEYS[unit.type])} />
        <Fact label={t('org.field.status')} value={active ? t('org.active') : t('org.dissolved')} />
        <Fact
          label={t('org.field.validity')}
          value={
            unit.validTo
              ? `${unit.validFrom} – ${unit.validTo}`
              : t('org.field.validFromOnly', { date: unit.validFrom })
          }
        />
        <Fact
          label={t('org.field.dataController')}
          value={unit.isDataController ? t('common.yes') : t('common.no')}
        />
        <Fact
          label={t('org.field.cyberAct')}
          value={unit.coveredByCyberSecurityAct ? t('common.yes') : t('common.no')}
        />
        <Fact label={t('org.field.headcount')} value={formatNumber(unit.headcount)} />
      </dl>

      {(mayUpdate || mayCreateChild || mayAssign) && active && (
        <div className="actions" role="group" aria-label={t('org.unit.actions')}>
          {mayCreateChild && (
            <button type="button" className="button" onClick={() => setAction('create')}>
              {t('org.create.open')}
            </button>
          )}
          {mayUpdate && (
            <>
              <button type="button" className="button button--secondary" onClick={() => setAction('rename')}>
                {t('org.rename.open')}
              </button>
              {unit.parentId && (
                <button type="button" className="button button--secondary" onClick={() => setAction('move')}>
                  {t('org.move.open')}
                </button>
              )}
              {unit.parentId && (
                <button
                  type="button"
                  className="button button--danger-outline"
                  onClick={() => setAction('deactivate')}
                >
                  {t('org.deactivate.open')}
                </button>
              )}
            </>
          )}
          {mayAssign && (
            <button type="button" className="button button--secondary" onClick={() => setAction('assign')}>
              {t('assign.open')}
            </button>
          )}
        </div>
      )}
      {action === 'create' && <CreateUnitDialog {...dialogProps} />}
      {action === 'rename' && <RenameUnitDialog {...dialogProps} />}
      {action === 'move' && <MoveUnitDialog {...dialogProps} />}
      {action === 'deactivate' && <DeactivateUnitDialog {...dialogProps} />}
      {action === 'assign' && <AssignRoleDialog {...dialogProps} />}

      <h2>{t('org.unit.children')}</h2>
      {children.length === 0 ? (
        <p>{t('org.unit.noChildren')}</p>
      ) : (
        <ul className="link-list">
          {children.map((c) => (
            <li key={c.id}>
              <Link to={unitPath(c.id)}>{c.name}</Link> <span className="muted">{c.code}</span>
              {c.status === 'DISSOLVED' && <span className="tag">{t('org.dissolved')}</span>}
            </li>
          ))}
        </ul>
      )}

      {ability.can('read', 'Person') && <UnitPeople unit={unit} />}
      <UnitAssignments unit={unit} units={units} />
    </>
  );
}

function UnitPeople({ unit }: { unit: OrgUnit }) {
  const { t } = useI18n();
  const people = usePeople({ homeOrgUnitId: unit.id, limit: 500 });
  return (
    <section aria-labelledby="unit-people">
      <h2 id="unit-people">{t('org.unit.people')}</h2>
      <QueryView query={people}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('org.unit.noPeople')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="unit-people" tabIndex={0}>
              <table className="table" data-table="people">
                <thead>
                  <tr>
                    <th scope="col">{t('people.name')}</th>
                    <th scope="col">{t('people.username')}</th>
                    <th scope="col">{t('people.email')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((p) => (
                    <tr key={p.id}>
                      <td>{p.displayName}</td>
                      <td>{p.username}</td>
                      <td>{p.email}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}

function UnitAssignments({ unit, units }: { unit: OrgUnit; units: ReadonlyMap<string, OrgUnit> }) {
  const { t } = useI18n();
  const { me, ability } = useSignedIn();
  const assignments = useAssignmentsOfUnit(unit.id);
  const mayReadPeople = ability.can('read', 'Person');
  const personIds = [...new Set((assignments.data?.items ?? []).map((a) => a.personId))];
  const persons = usePersons(personIds, mayReadPeople);
  const [ending, setEnding] = useState<RoleAssignment | null>(null);
  const today = todayInStockholm();
  const nameOf = (id: string) =>
    persons.get(id)?.displayName ??
    (id === me.person.id ? me.person.displayName : t('org.unit.unknownPerson'));
  const unitNames = (a: RoleAssignment) => a.orgUnitIds.map((id) => units.get(id)?.name ?? id).join(', ');

  return (
    <section aria-labelledby="unit-assignments">
      <h2 id="unit-assignments">{t('org.unit.assignments')}</h2>
      <QueryView query={assignments}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('org.unit.noAssignments')}</p>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="unit-assignments" tabIndex={0}>
              <table className="table" data-table="assignments">
                <thead>
                  <tr>
                    <th scope="col">{t('people.name')}</th>
                    <th scope="col">{t('assign.role')}</th>
                    <th scope="col">{t('assign.scope')}</th>
                    <th scope="col">{t('assign.validity')}</th>
                    <th scope="col">{t('org.field.status')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((a) => {
                    const state = assignmentState(a, today);
                    const mayEnd =
                      state !== 'ended' && ability.can('update', assignmentSubject(a, units, me.tenant.id));
                    return (
                      <tr key={a.id} data-assignment={a.id}>
                        <td>{nameOf(a.personId)}</td>
                        <td>{t(ROLE_KEYS[a.role])}</td>
                        <td>
                          {unitNames(a)}
                          {a.includeSubtree ? ` ${t('assign.withSubtree')}` : ''}
                        </td>
                        <td className="nowrap">
                          {a.validFrom} – {a.validTo ?? ''}
                        </td>
                        <td>
                          {state === 'current'
                            ? t('assign.state.current')
                            : state === 'ended'
                              ? t('assign.state.ended')
                              : t('assign.state.upcoming')}
                        </td>
                        <td>
                          {mayEnd && (
                            <button
                              type="button"
                              className="button button--small button--secondary"
                              onClick={() => setEnding(a)}
                              aria-label={t('end.openFor', {
                                person: nameOf(a.personId),
                                role: t(ROLE_KEYS[a.role]),
                              })}
                            >
                              {t('end.open')}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      {ending && (
        <EndAssignmentDialog
          assignment={ending}
          personName={nameOf(ending.personId)}
          unitNames={unitNames(ending)}
          onClose={() => setEnding(null)}
        />
      )}
    </section>
  );
}
