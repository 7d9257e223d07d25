import { Injectable } from '@nestjs/common';
import type { Action, SubjectName } from '@varna/authz';
import type { EntityTarget, ObjectLiteral } from 'typeorm';

export interface HistorySubject {
  entityType: string;
  subject: SubjectName;
  entity: EntityTarget<ObjectLiteral>;
  /**
   * What the caller must be allowed to do with the record to read its history; default `read`. A
   * record read in part by some (an incident, whose reporter is masked for auditors and whose
   * reporter sees status only) sets the action that gives the whole record.
   */
  readAction?: Action;
  /**
   * A field the caller must be allowed to read as well, for records some read only in part through
   * field-limited rules (the name view of an information set): the history holds whole snapshots.
   */
  readField?: string;
}

/**
 * Which entity types have history, and how to check that the caller may read one of them: each
 * context registers its decision-grade entities, so history is "scoped like the entity".
 */
@Injectable()
export class HistorySubjects {
  private readonly byType = new Map<string, HistorySubject>();

  register(subject: HistorySubject): void {
    this.byType.set(subject.entityType, subject);
  }

  get(entityType: string): HistorySubject | undefined {
    return this.byType.get(entityType);
  }

  types(): string[] {
    return [...this.byType.keys()].sort();
  }
}
