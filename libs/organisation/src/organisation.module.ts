import { Module, OnModuleInit } from '@nestjs/common';
import { HistorySubjects } from '@varna/history';
import { OrgPathDependents } from './org-path-dependents';
import { OrgUnitController } from './organisation.controller';
import { OrgUnitEntity } from './org-unit.entity';
import { OrgUnitService } from './org-unit.service';
import { PersonController } from './person.controller';
import { PersonEntity } from './person.entity';
import { PersonService } from './person.service';
import { PersonLifecycle } from './person-lifecycle';
import { RoleAssignmentController } from './role-assignment.controller';
import { RoleAssignmentEntity } from './role-assignment.entity';
import { RoleAssignmentService } from './role-assignment.service';

@Module({
  controllers: [OrgUnitController, PersonController, RoleAssignmentController],
  providers: [OrgUnitService, PersonService, RoleAssignmentService, OrgPathDependents, PersonLifecycle],
  exports: [OrgUnitService, PersonService, RoleAssignmentService, OrgPathDependents, PersonLifecycle],
})
export class OrganisationModule implements OnModuleInit {
  constructor(private readonly historySubjects: HistorySubjects) {}

  onModuleInit(): void {
    this.historySubjects.register({ entityType: 'OrgUnit', subject: 'OrgUnit', entity: OrgUnitEntity });
    this.historySubjects.register({ entityType: 'Person', subject: 'Person', entity: PersonEntity });
    this.historySubjects.register({
      entityType: 'RoleAssignment',
      subject: 'RoleAssignment',
      entity: RoleAssignmentEntity,
    });
  }
}
