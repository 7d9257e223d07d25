import { ROLE_LABELS } from '@varna/authz';
import type { PersonDto } from './dto/person.dto';
import type { RoleAssignmentDto } from './dto/role-assignment.dto';
import type { PersonEntity } from './person.entity';
import type { RoleAssignmentEntity } from './role-assignment.entity';

export function toPersonDto(p: PersonEntity): PersonDto {
  return {
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    email: p.email,
    phone: p.phone,
    employeeNumber: p.employeeNumber,
    homeOrgUnitId: p.homeOrgUnitId,
    hasOwnComputer: p.hasOwnComputer,
    isElected: p.isElected,
    externalOrganisation: p.externalOrganisation,
    status: p.status,
    version: p.version,
  };
}

export function toRoleAssignmentDto(a: RoleAssignmentEntity): RoleAssignmentDto {
  return {
    id: a.id,
    personId: a.personId,
    role: a.role,
    roleLabel: ROLE_LABELS[a.role].sv,
    orgUnitIds: a.orgUnitIds,
    includeSubtree: a.includeSubtree,
    validFrom: a.validFrom,
    validTo: a.validTo,
    appointedById: a.appointedById,
    appointmentRef: a.appointmentRef,
    deputyForId: a.deputyForId,
    isActing: a.isActing,
    version: a.version,
  };
}
