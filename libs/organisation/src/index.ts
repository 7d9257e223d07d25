export { TenantEntity } from './tenant.entity';
export { OrgUnitEntity } from './org-unit.entity';
export { PersonEntity, PERSON_STATUSES, type PersonStatus } from './person.entity';
export { RoleAssignmentEntity } from './role-assignment.entity';
export {
  ORG_UNIT_TYPES,
  ORG_UNIT_TYPE_LABELS,
  ORG_UNIT_STATUSES,
  DATA_CONTROLLER_BY_DEFAULT,
  type OrgUnitType,
  type OrgUnitStatus,
} from './domain/org-unit-type';
export { OrganisationModule } from './organisation.module';
export { OrgUnitService } from './org-unit.service';
export { PersonService } from './person.service';
export { RoleAssignmentService, unionOfPaths } from './role-assignment.service';
export { OrgPathDependents, type OrgPathDependent } from './org-path-dependents';
export { toPersonDto, toRoleAssignmentDto } from './person.mapper';
export { PersonDto } from './dto/person.dto';
export { RoleAssignmentDto } from './dto/role-assignment.dto';
export { OrgUnitDto } from './dto/org-unit.dto';
export { PersonLifecycle, type AccountClosedHook } from './person-lifecycle';
