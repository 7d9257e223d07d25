import { subject as tag } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppSubject, Principal, SubjectName } from '@varna/authz';
import { Clock, stockholmDate } from '@varna/core';
import { OrgUnitEntity } from '@varna/organisation';
import { writeTable, type RowOf, type TableFormat, type TableSpec } from '@varna/spreadsheet';
import { DataSource } from 'typeorm';
import type { AssetEntity } from '../asset.entity';
import { AssetService } from '../asset.service';
import type { ListAssetsQueryDto } from '../dto/asset.dto';
import type { ListInformationSetsQueryDto } from '../dto/information-set.dto';
import { InformationSetService } from '../information-set.service';
import { assetSubject, informationSetSubject } from '../register-access';
import {
  ASSET_TABLE,
  FIELD_OF,
  INFORMATION_SET_TABLE,
  SPECIAL_HANDLING_KEYS,
  type AssetRow,
  type InformationSetRow,
  type LinkCell,
} from './register-tables';

export interface ExportFile {
  buffer: Buffer;
  filename: string;
  contentType: string;
}

const CONTENT_TYPES: Record<TableFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

type Filters<Q> = Omit<Q, 'limit' | 'offset'>;

/**
 * Exports of both registers (§4a "Reports and exports"). The rows are the list's, with its filters,
 * narrowed by the `export` rules instead of `read` (§3.3: exports go through the same filter as
 * lists); a field the caller may not export is left empty, and a special-handling set shows only
 * code, name, unit and owner (BR-A6).
 */
@Injectable()
export class RegisterExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly setService: InformationSetService,
    private readonly assetService: AssetService,
    private readonly clock: Clock,
  ) {}

  async exportInformationSets(
    principal: Principal,
    query: Filters<ListInformationSetsQueryDto>,
    format: TableFormat,
  ): Promise<ExportFile> {
    const [rows, unitCode] = await Promise.all([
      this.setService.listForExport(principal, query),
      this.unitCodes(principal.actor.tenantId),
    ]);
    const table = rows.map((s) => {
      const row: InformationSetRow = {
        code: s.code,
        name: s.name,
        unit: unitCode(s.orgUnitId),
        owner: s.informationOwner?.username ?? null,
        status: s.status,
        description: s.description,
        recordsClassCode: s.recordsClassCode,
        containsPersonalData: s.containsPersonalData,
        personalDataCategories: s.personalDataCategories,
        specialCategoryData: s.specialCategoryData,
        criminalOffenceData: s.criminalOffenceData,
        concernsChildren: s.concernsChildren,
        protectedIdentity: s.protectedIdentity,
        secrecyProvisions: s.secrecyProvisions,
        legalBases: s.legalBases,
        specialHandling: s.specialHandling,
        retention: s.retention,
      };
      const visible = visibleRow(principal, 'InformationSet', informationSetSubject(s), row);
      return s.specialHandling ? pick(visible, SPECIAL_HANDLING_KEYS) : visible;
    });
    return this.file('informationsmangder', 'Informationsmängder', table, INFORMATION_SET_TABLE, format);
  }

  async exportAssets(
    principal: Principal,
    query: Filters<ListAssetsQueryDto>,
    format: TableFormat,
  ): Promise<ExportFile> {
    const [rows, unitCode] = await Promise.all([
      this.assetService.listForExport(principal, query),
      this.unitCodes(principal.actor.tenantId),
    ]);
    const links = await this.linksOf(rows);
    const table = rows.map((a) => {
      const row: AssetRow = {
        code: a.code,
        name: a.name,
        type: a.type,
        subtype: a.subtype,
        unit: unitCode(a.orgUnitId),
        assetOwner: a.assetOwner?.username ?? null,
        systemManager: a.systemManager?.username ?? null,
        status: a.status,
        description: a.description,
        providerUnit: a.providerOrgUnitId ? unitCode(a.providerOrgUnitId) : null,
        supplierName: a.supplierName,
        hosting: a.hosting,
        thirdCountryProcessing: a.thirdCountryProcessing,
        mfaRequired: a.mfaRequired,
        internetExposed: a.internetExposed,
        criticality: a.criticality,
        rtoHours: a.rtoHours,
        rpoHours: a.rpoHours,
        // BR-A3: whoever reads an asset reads the codes of the sets it carries.
        informationSets: links.get(a.id) ?? [],
      };
      return visibleRow(principal, 'Asset', assetSubject(a), row);
    });
    return this.file('tillgangar', 'Tillgångar', table, ASSET_TABLE, format);
  }

  private async file<S extends TableSpec>(
    basename: string,
    sheetName: string,
    rows: readonly Partial<RowOf<S>>[],
    spec: S,
    format: TableFormat,
  ): Promise<ExportFile> {
    const buffer = await writeTable(rows, format, spec, { sheetName });
    const day = stockholmDate(this.clock.now());
    return { buffer, filename: `${basename}-${day}.${format}`, contentType: CONTENT_TYPES[format] };
  }

  /** Unit codes of the tenant (a few hundred at most), by id. */
  private async unitCodes(tenantId: string): Promise<(id: string) => string> {
    const units = await this.dataSource
      .getRepository(OrgUnitEntity)
      .find({ where: { tenantId }, select: { id: true, code: true } });
    const byId = new Map(units.map((u) => [u.id, u.code]));
    return (id) => byId.get(id) ?? '';
  }

  /** The sets each asset carries, by code, with their roles. */
  private async linksOf(assets: AssetEntity[]): Promise<Map<string, LinkCell[]>> {
    const byAsset = new Map<string, LinkCell[]>();
    if (assets.length === 0) return byAsset;
    const rows = await this.dataSource.query<{ asset_id: string; code: string; role: LinkCell['role'] }[]>(
      `SELECT l.asset_id, s.code, l.role FROM asset_information_link l
         JOIN information_set s ON s.id = l.information_set_id
        WHERE l.asset_id = ANY($1::uuid[]) ORDER BY s.code`,
      [assets.map((a) => a.id)],
    );
    for (const r of rows)
      byAsset.set(r.asset_id, [...(byAsset.get(r.asset_id) ?? []), { code: r.code, role: r.role }]);
    return byAsset;
  }
}

/** The row with the fields the caller may not export left out (written as empty cells). */
function visibleRow<R extends object>(
  principal: Principal,
  subjectName: SubjectName,
  subject: object,
  row: R,
): Partial<R> {
  const tagged = tag(subjectName, { ...subject }) as unknown as AppSubject;
  const visible: Partial<R> = {};
  for (const key of Object.keys(row) as (keyof R & string)[]) {
    if (principal.ability.can('export', tagged, FIELD_OF[key] ?? key)) visible[key] = row[key];
  }
  return visible;
}

function pick<R extends object>(row: Partial<R>, keys: readonly (keyof R)[]): Partial<R> {
  const picked: Partial<R> = {};
  for (const key of keys) if (key in row) picked[key] = row[key];
  return picked;
}
