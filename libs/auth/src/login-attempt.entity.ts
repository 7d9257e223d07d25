import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every sign-in attempt, for throttling per username and per IP address. Installation-wide on
 * purpose (no tenant_id): an attempt for an unknown username belongs to no tenant.
 */
@Entity({ name: 'login_attempt' })
@Index(['username', 'attemptedAt'])
@Index(['ip', 'attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-cased as typed. */
  @Column({ type: 'varchar', length: 200 })
  username: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @Column({ type: 'timestamptz' })
  attemptedAt: Date;
}
