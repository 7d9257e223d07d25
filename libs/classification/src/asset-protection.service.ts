import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@varna/authz';
import { DataSource } from 'typeorm';
import { ASPECT_LABELS, ASPECTS, levelName } from './domain';
import type { AssetProtectionDto, LevelSourceDto } from './dto/protection.dto';
import { OverrideService } from './override.service';
import { ProtectionService } from './protection.service';

/** GET /api/assets/:id/protection: each aspect's level, derived or overridden, with its sources. */
@Injectable()
export class AssetProtectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: ProtectionService,
    private readonly overrides: OverrideService,
  ) {}

  async get(principal: Principal, assetId: string): Promise<AssetProtectionDto> {
    const asset = await this.overrides.readableAsset(principal, assetId);
    const m = this.dataSource.manager;
    const p = (await this.protection.compute(m, asset.tenantId)).get(asset.id);
    if (!p) throw new Error(`No protection computed for asset ${asset.id}`);
    const ids = ASPECTS.flatMap((a) =>
      p.aspects[a].sources.map((s) => (s.kind === 'INFORMATION_SET' ? s.informationSetId : s.assetId)),
    );
    // BR-A3: whoever reads the asset reads the code and name of what its levels come from.
    const names = new Map<string, { code: string; name: string }>(
      (
        await m.query<{ id: string; code: string; name: string }[]>(
          `SELECT id, code, name FROM information_set WHERE id = ANY($1::uuid[])
           UNION ALL SELECT id, code, name FROM asset WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      ).map((r) => [r.id, r]),
    );
    return {
      assetId: asset.id,
      classificationComplete: p.classificationComplete,
      unclassifiedSetIds: p.unclassifiedSetIds,
      aspects: ASPECTS.map((aspect) => {
        const a = p.aspects[aspect];
        return {
          aspect,
          aspectName: ASPECT_LABELS[aspect].sv,
          derived: a.derived,
          effective: a.effective,
          effectiveName: a.effective === null ? null : levelName(a.effective),
          basis: a.loweredBy ? 'LOWERED' : a.raisedBy ? 'RAISED' : a.effective === null ? 'NONE' : 'DERIVED',
          overrideId: a.loweredBy ?? a.raisedBy,
          sources: a.sources
            .map((s): LevelSourceDto => {
              const id = s.kind === 'INFORMATION_SET' ? s.informationSetId : s.assetId;
              return { ...s, code: names.get(id)?.code ?? null, name: names.get(id)?.name ?? null };
            })
            .sort((x, y) => (x.code ?? '').localeCompare(y.code ?? '')),
        };
      }),
    };
  }
}
