import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@varna/authz';
import { forbidden } from '@varna/core';
import { changeBy, HistoryService } from '@varna/history';
import { DataSource, EntityManager } from 'typeorm';
import { AssetDependencyEntity } from './asset-dependency.entity';
import { AssetInformationLinkEntity } from './asset-information-link.entity';
import type { AssetEntity } from './asset.entity';
import { AssetService } from './asset.service';
import type {
  AddDependencyDto,
  AssetDependenciesDto,
  LinkedInformationSetDto,
  LinkInformationSetDto,
} from './dto/asset.dto';
import { InformationErrors } from './information.errors';
import { InformationSetEntity } from './information-set.entity';
import { InformationSetService } from './information-set.service';
import { mayUpdateAsset, readsWholeSet } from './register-access';
import { refreshLinkedFacts } from './register-facts';
import { RegisterChangeListeners } from './register-hooks';
import { inTransaction } from './register-lookups';

/** Pseudo-fields of an asset for its links and dependencies: not the system manager's to change. */
const LINKS_FIELD = 'informationSets';
const DEPENDENCIES_FIELD = 'dependencies';

/**
 * The parts of an asset: the information sets it carries and the assets it depends on. Reading
 * them needs the whole asset (not its name view); changing them `update` on the asset (matrix row
 * "Asset, links, dependencies"). BR-A3: whoever reads the asset reads code and name of its sets;
 * the rest of a set only who may read the set itself (its owner, the asset's owner and system manager …).
 */
@Injectable()
export class AssetLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assets: AssetService,
    private readonly sets: InformationSetService,
    private readonly history: HistoryService,
    private readonly listeners: RegisterChangeListeners,
  ) {}

  async listInformationSets(principal: Principal, assetId: string): Promise<LinkedInformationSetDto[]> {
    await this.assets.get(principal, assetId, this.dataSource.manager, true);
    const links = await this.dataSource.getRepository(AssetInformationLinkEntity).find({
      where: { assetId },
      relations: { informationSet: true },
    });
    return links
      .sort((a, b) => a.informationSet!.code.localeCompare(b.informationSet!.code))
      .map((l) => this.toLinkDto(principal, l));
  }

  async linkInformationSet(
    principal: Principal,
    assetId: string,
    dto: LinkInformationSetDto,
    manager?: EntityManager,
  ): Promise<LinkedInformationSetDto> {
    const link = await inTransaction(this.dataSource, manager, async (m) => {
      const asset = await this.changeable(principal, m, assetId, LINKS_FIELD);
      const set = await this.sets.get(principal, dto.informationSetId, m);
      if (asset.status === 'RETIRED' || set.status === 'RETIRED') throw InformationErrors.linkRetired();
      if (await m.existsBy(AssetInformationLinkEntity, { assetId, informationSetId: set.id })) {
        throw InformationErrors.linkExists();
      }
      const saved = await m.save(
        AssetInformationLinkEntity,
        m.create(AssetInformationLinkEntity, {
          tenantId: asset.tenantId,
          assetId,
          informationSetId: set.id,
          role: dto.role,
          note: dto.note ?? null,
        }),
      );
      await this.listeners.informationSetLinked(m, asset, set.id);
      await this.afterLinkChange(m, principal, asset, set.id, 'link-information-set', null, saved);
      return saved;
    });
    const reloaded = await (manager ?? this.dataSource.manager)
      .getRepository(AssetInformationLinkEntity)
      .findOneOrFail({ where: { id: link.id }, relations: { informationSet: true } });
    return this.toLinkDto(principal, reloaded);
  }

  async unlinkInformationSet(principal: Principal, assetId: string, informationSetId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const asset = await this.changeable(principal, m, assetId, LINKS_FIELD);
      const link = await m.findOneBy(AssetInformationLinkEntity, { assetId, informationSetId });
      if (!link) throw InformationErrors.linkNotFound();
      await m.delete(AssetInformationLinkEntity, { id: link.id });
      await this.afterLinkChange(m, principal, asset, informationSetId, 'unlink-information-set', link, null);
    });
  }

  async listDependencies(principal: Principal, assetId: string): Promise<AssetDependenciesDto> {
    await this.assets.get(principal, assetId, this.dataSource.manager, true);
    const rows = await this.dataSource.query<
      {
        direction: 'dependsOn' | 'dependants';
        asset_id: string;
        code: string;
        name: string;
        note: string | null;
      }[]
    >(
      `SELECT 'dependsOn' AS direction, a.id AS asset_id, a.code, a.name, d.note
         FROM asset_dependency d JOIN asset a ON a.id = d.supporting_asset_id WHERE d.asset_id = $1
       UNION ALL
       SELECT 'dependants', a.id, a.code, a.name, d.note
         FROM asset_dependency d JOIN asset a ON a.id = d.asset_id WHERE d.supporting_asset_id = $1
       ORDER BY code`,
      [assetId],
    );
    const end = (r: (typeof rows)[number]) => ({
      assetId: r.asset_id,
      code: r.code,
      name: r.name,
      note: r.note,
    });
    return {
      dependsOn: rows.filter((r) => r.direction === 'dependsOn').map(end),
      dependants: rows.filter((r) => r.direction === 'dependants').map(end),
    };
  }

  /** The dependant relies on the supporting asset; a dependency that closes a cycle is refused (409). */
  async addDependency(
    principal: Principal,
    assetId: string,
    dto: AddDependencyDto,
  ): Promise<AssetDependenciesDto> {
    await this.dataSource.transaction(async (m) => {
      const asset = await this.changeable(principal, m, assetId, DEPENDENCIES_FIELD);
      if (dto.supportingAssetId === assetId) throw InformationErrors.dependencyOnItself();
      const supporting = await this.assets.get(principal, dto.supportingAssetId, m);
      if (asset.status === 'RETIRED' || supporting.status === 'RETIRED')
        throw InformationErrors.linkRetired();
      // One writer of the tenant's graph at a time, so two concurrent edges cannot close a cycle.
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `asset-dependency:${asset.tenantId}`,
      ]);
      if (await m.existsBy(AssetDependencyEntity, { assetId, supportingAssetId: supporting.id })) {
        throw InformationErrors.dependencyExists();
      }
      const cycle = await this.pathBetween(m, supporting.id, assetId);
      if (cycle) throw InformationErrors.dependencyCycle([asset.code, ...cycle]);
      const saved = await m.save(
        AssetDependencyEntity,
        m.create(AssetDependencyEntity, {
          tenantId: asset.tenantId,
          assetId,
          supportingAssetId: supporting.id,
          note: dto.note ?? null,
        }),
      );
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Asset',
          action: 'add-dependency',
          entityId: assetId,
          before: null,
          after: saved,
        }),
      );
      await this.listeners.assetsChanged(m, asset.tenantId, [assetId, supporting.id]);
    });
    return this.listDependencies(principal, assetId);
  }

  async removeDependency(principal: Principal, assetId: string, supportingAssetId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const asset = await this.changeable(principal, m, assetId, DEPENDENCIES_FIELD);
      const dependency = await m.findOneBy(AssetDependencyEntity, { assetId, supportingAssetId });
      if (!dependency) throw InformationErrors.dependencyNotFound();
      await m.delete(AssetDependencyEntity, { id: dependency.id });
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'Asset',
          action: 'remove-dependency',
          entityId: assetId,
          before: dependency,
          after: null,
        }),
      );
      await this.listeners.assetsChanged(m, asset.tenantId, [assetId, supportingAssetId]);
    });
  }

  /** Codes along the supporting chain from `from` to `to` (both included), or null when none. */
  private async pathBetween(m: EntityManager, from: string, to: string): Promise<string[] | null> {
    const [found] = await m.query<{ codes: string[] }[]>(
      `WITH RECURSIVE reach(id, path) AS (
         SELECT $1::uuid, ARRAY[$1::uuid]
         UNION ALL
         SELECT d.supporting_asset_id, r.path || d.supporting_asset_id
           FROM reach r JOIN asset_dependency d ON d.asset_id = r.id
          WHERE NOT d.supporting_asset_id = ANY(r.path)
       )
       SELECT ARRAY(SELECT a.code FROM unnest(path) WITH ORDINALITY p(id, n) JOIN asset a ON a.id = p.id ORDER BY n)
              AS codes
         FROM reach WHERE id = $2 LIMIT 1`,
      [from, to],
    );
    return found ? found.codes : null;
  }

  /** The asset, readable (404), row-locked, and its links or dependencies changeable by the caller (403). */
  private async changeable(principal: Principal, m: EntityManager, assetId: string, field: string) {
    const asset = await this.assets.getForUpdate(principal, m, assetId);
    if (!mayUpdateAsset(principal.ability, asset, field)) throw forbidden('PERMISSION_DENIED');
    return asset;
  }

  private async afterLinkChange(
    m: EntityManager,
    principal: Principal,
    asset: AssetEntity,
    setId: string,
    action: string,
    before: AssetInformationLinkEntity | null,
    after: AssetInformationLinkEntity | null,
  ): Promise<void> {
    await refreshLinkedFacts(m, asset.tenantId, { assetIds: [asset.id], setIds: [setId] });
    await this.history.record(
      m,
      changeBy(principal, { entityType: 'Asset', action, entityId: asset.id, before, after }),
    );
    await this.listeners.assetsChanged(m, asset.tenantId, [asset.id]);
  }

  private toLinkDto(principal: Principal, l: AssetInformationLinkEntity): LinkedInformationSetDto {
    const s = l.informationSet as InformationSetEntity;
    return {
      informationSetId: s.id,
      code: s.code,
      name: s.name,
      role: l.role,
      note: l.note,
      details: readsWholeSet(principal.ability, s)
        ? {
            informationOwnerId: s.informationOwnerId,
            status: s.status,
            containsPersonalData: s.containsPersonalData,
            personalDataCategories: s.personalDataCategories,
            specialCategoryData: s.specialCategoryData,
            criminalOffenceData: s.criminalOffenceData,
            concernsChildren: s.concernsChildren,
            protectedIdentity: s.protectedIdentity,
            specialHandling: s.specialHandling,
            classificationId: s.classificationId,
          }
        : null,
    };
  }
}
