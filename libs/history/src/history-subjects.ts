import { Injectable } from '@nestjs/common';
import type { SubjectName } from '@varna/authz';
import type { EntityTarget, ObjectLiteral } from 'typeorm';

export interface HistorySubject {
  entityType: string;
  subject: SubjectName;
  entity: EntityTarget<ObjectLiteral>;
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
