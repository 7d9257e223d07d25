import { oneOf } from '@varna/db';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { AssetEntity } from './asset.entity';
import { LINK_ROLES, type LinkRole } from './domain/enums';
import { InformationSetEntity } from './information-set.entity';

/** An information set carried by an asset (stored, processed, transferred, used in a process). */
@Entity({ name: 'asset_information_link' })
@Unique(['assetId', 'informationSetId'])
@Index(['tenantId', 'informationSetId'])
@Check('ck_asset_information_link__role', oneOf('role', LINK_ROLES))
export class AssetInformationLinkEntity {
  static readonly modelName = 'AssetInformationLink';

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  assetId: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id' })
  asset?: AssetEntity;

  @Column('uuid')
  informationSetId: string;

  @ManyToOne(() => InformationSetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'information_set_id' })
  informationSet?: InformationSetEntity;

  @Column({ type: 'varchar', length: 20 })
  role: LinkRole;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
