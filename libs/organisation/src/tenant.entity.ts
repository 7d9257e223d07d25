import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A kommun, region or koncern (D-10). Nothing is shared across tenants. */
@Entity({ name: 'tenant' })
export class TenantEntity {
  static readonly modelName = 'Tenant';

  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** URL-safe short name, unique in the installation (e.g. `exempelby`). */
  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  organisationNumber: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
