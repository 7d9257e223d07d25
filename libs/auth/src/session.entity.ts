import { PersonEntity } from '@varna/organisation';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * A sign-in session. The token itself is never stored, only its SHA-256; the same token is the
 * httpOnly cookie for the browser and the Bearer token for API clients. Revoked by setting revokedAt.
 */
@Entity({ name: 'session' })
@Index(['tokenHash'], { unique: true })
@Index(['tenantId', 'personId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  /** SHA-256 of the CSRF token that cookie-authenticated writes must echo in X-CSRF-Token. */
  @Column({ type: 'char', length: 64 })
  csrfTokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}
