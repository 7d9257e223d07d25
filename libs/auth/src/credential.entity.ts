import { PersonEntity } from '@varna/organisation';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A person's local password (argon2id). People who only sign in through SSO have none. */
@Entity({ name: 'credential' })
export class CredentialEntity {
  @PrimaryColumn('uuid')
  personId: string;

  @OneToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Column('uuid')
  tenantId: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'timestamptz' })
  passwordChangedAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
