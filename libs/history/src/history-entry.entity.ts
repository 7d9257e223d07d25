import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * Append-only change history (domain.md §5.3, D-40). Each entry is chained to the previous entry
 * of its tenant by SHA-256; a trigger in the migration refuses UPDATE and DELETE.
 */
@Entity({ name: 'history_entry' })
@Unique(['tenantId', 'seq'])
@Index(['tenantId', 'entityType', 'entityId'])
export class HistoryEntryEntity {
  static readonly modelName = 'HistoryEntry';

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  /** Position in the tenant's chain, 1, 2, 3 … */
  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** Null for system actions (seeding, migrations of data). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  actorRoles: string[];

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 60 })
  entityType: string;

  @Column('uuid')
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  correlationId: string | null;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
