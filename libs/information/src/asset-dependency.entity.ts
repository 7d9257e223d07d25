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

/**
 * The dependant asset relies on the supporting one (a system on its server room, backup, network);
 * levels propagate from dependant to supporting (4b BR-B2). The graph has no cycles.
 */
@Entity({ name: 'asset_dependency' })
@Unique(['assetId', 'supportingAssetId'])
@Index(['tenantId', 'supportingAssetId'])
@Check('ck_asset_dependency__not_self', `"asset_id" <> "supporting_asset_id"`)
export class AssetDependencyEntity {
  static readonly modelName = 'AssetDependency';

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  /** The dependant. */
  @Column('uuid')
  assetId: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id' })
  asset?: AssetEntity;

  @Column('uuid')
  supportingAssetId: string;

  @ManyToOne(() => AssetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supporting_asset_id' })
  supportingAsset?: AssetEntity;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
