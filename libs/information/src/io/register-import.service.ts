import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@varna/authz';
import { DomainError } from '@varna/core';
import {
  detectFormat,
  readTable,
  SpreadsheetErrors,
  type CellError,
  type ColumnSpec,
  type TableSpec,
} from '@varna/spreadsheet';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AssetLinkService } from '../asset-link.service';
import { AssetService } from '../asset.service';
import { CreateAssetDto, type AssetInput } from '../dto/asset.dto';
import { CreateInformationSetDto, type InformationSetInput } from '../dto/information-set.dto';
import { InformationSetService } from '../information-set.service';
import {
  ASSET_TABLE,
  headerOfField,
  INFORMATION_SET_TABLE,
  type AssetRow,
  type InformationSetRow,
} from './register-tables';

export interface ImportResult {
  created: number;
  codes: string[];
}

/** A row that passed the file's own checks, ready for the register's service. */
interface Prepared<I> {
  row: number;
  unitCode: string;
  input: I;
}

interface PreparedLink {
  code: string;
  informationSetId: string;
  role: LinkRole;
}

/**
 * Imports of both registers: create only (a code already in the tenant is an error; there is no
 * update by code). Every row is checked (the file's format, then units, people and codes, then the
 * register's own rules and the caller's `create` right on the row as it will be, through the
 * register's service), all errors are reported as `{row, column, message}` (400 IMPORT_INVALID) and
 * nothing is written unless every row passes: one transaction (see `writeRows` for its savepoints).
 */
@Injectable()
export class RegisterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly setService: InformationSetService,
    private readonly assetService: AssetService,
    private readonly links: AssetLinkService,
  ) {}

  async importInformationSets(principal: Principal, file: Buffer): Promise<ImportResult> {
    const rows = await this.read(file, INFORMATION_SET_TABLE);
    const { tenantId } = principal.actor;
    const refs = await lookups(this.dataSource.manager, tenantId, {
      units: rows.map((r) => r.values.unit),
      people: rows.map((r) => r.values.owner),
    });
    const errors: CellError[] = [];
    const codes = new RowCodes(INFORMATION_SET_TABLE.code.header);
    const prepared: Prepared<InformationSetInput>[] = [];
    for (const { row, values } of rows) {
      const rowErrors = [
        ...codes.check(row, values.code),
        ...refs.unit(row, values.unit, INFORMATION_SET_TABLE.unit),
        ...refs.person(row, values.owner, INFORMATION_SET_TABLE.owner),
      ];
      const input = informationSetInput(values, refs);
      if (!rowErrors.length)
        rowErrors.push(...dtoErrors(row, CreateInformationSetDto, input, INFORMATION_SET_TABLE));
      if (rowErrors.length) errors.push(...rowErrors);
      else
        prepared.push({
          row,
          unitCode: values.unit,
          input: { ...input, status: values.status ?? undefined },
        });
    }
    await this.dataSource.transaction(async (m) => {
      await writeRows(m, prepared, errors, INFORMATION_SET_TABLE, (inner, inputs) =>
        this.setService.createMany(principal, inputs, inner),
      );
      if (errors.length) throw SpreadsheetErrors.invalid(sortByRow(errors));
    });
    const created = prepared.map((p) => p.input.code);
    return { created: created.length, codes: created };
  }

  async importAssets(principal: Principal, file: Buffer): Promise<ImportResult> {
    const rows = await this.read(file, ASSET_TABLE);
    const { tenantId } = principal.actor;
    const refs = await lookups(this.dataSource.manager, tenantId, {
      units: rows.flatMap((r) => [r.values.unit, r.values.providerUnit]),
      people: rows.flatMap((r) => [r.values.assetOwner, r.values.systemManager]),
    });
    const setIds = await codeIds(
      this.dataSource.manager,
      tenantId,
      rows.flatMap((r) => r.values.informationSets.map((l) => l.code)),
    );
    const errors: CellError[] = [];
    const codes = new RowCodes(ASSET_TABLE.code.header);
    const prepared: Prepared<{ asset: AssetInput; links: PreparedLink[] }>[] = [];
    for (const { row, values } of rows) {
      const rowErrors = [
        ...codes.check(row, values.code),
        ...refs.unit(row, values.unit, ASSET_TABLE.unit),
        ...refs.unit(row, values.providerUnit, ASSET_TABLE.providerUnit),
        ...refs.person(row, values.assetOwner, ASSET_TABLE.assetOwner),
        ...refs.person(row, values.systemManager, ASSET_TABLE.systemManager),
      ];
      const links: PreparedLink[] = [];
      const column = ASSET_TABLE.informationSets.header;
      for (const { code, role } of values.informationSets) {
        const informationSetId = setIds.get(code);
        if (links.some((l) => l.code === code))
          rowErrors.push({ row, column, message: `${code} står mer än en gång.` });
        else if (!informationSetId) rowErrors.push({ row, column, message: setNotFound(code) });
        // Without a role: information is used in a process and processed by anything else.
        else
          links.push({
            code,
            informationSetId,
            role: role ?? (values.type === 'PROCESS' ? 'USED_IN' : 'PROCESSES'),
          });
      }
      const asset = assetInput(values, refs);
      if (!rowErrors.length) rowErrors.push(...dtoErrors(row, CreateAssetDto, asset, ASSET_TABLE));
      if (rowErrors.length) errors.push(...rowErrors);
      else {
        prepared.push({
          row,
          unitCode: values.unit,
          input: { asset: { ...asset, status: values.status ?? undefined }, links },
        });
      }
    }
    await this.dataSource.transaction(async (m) => {
      await writeRows(m, prepared, errors, ASSET_TABLE, async (inner, inputs) => {
        const assets = await this.assetService.createMany(
          principal,
          inputs.map((i) => i.asset),
          inner,
        );
        for (const [i, { links }] of inputs.entries()) {
          for (const { code, informationSetId, role } of links) {
            await this.links
              .linkInformationSet(principal, assets[i].id, { informationSetId, role }, inner)
              .catch((e: unknown) => {
                // A set outside the caller's reach reads like an unknown code.
                throw e instanceof DomainError && e.code === 'INFORMATION_SET_NOT_FOUND'
                  ? new LinkError(setNotFound(code))
                  : e;
              });
          }
        }
      });
      if (errors.length) throw SpreadsheetErrors.invalid(sortByRow(errors));
    });
    const created = prepared.map((p) => p.input.asset.code);
    return { created: created.length, codes: created };
  }

  /** The file's rows, or 400 IMPORT_INVALID with the format errors (nothing else is checked then). */
  private async read<S extends TableSpec>(file: Buffer, spec: S) {
    const result = await readTable(file, detectFormat(file), spec);
    if (!result.ok) throw SpreadsheetErrors.invalid(result.errors);
    return result.rows;
  }
}

type LinkRole = NonNullable<AssetRow['informationSets'][number]['role']>;

const setNotFound = (code: string) =>
  `Informationsmängden ${code} finns inte eller ligger utanför din behörighet.`;

/** A link to a set the caller may not read: reported like an unknown code. */
class LinkError extends Error {}

/**
 * Writes the prepared rows in `m`'s transaction. While the file is error-free all rows go through
 * the register in one savepoint (the quick path: one lookup of codes, one reload); if the register
 * refuses a row, or the file already had errors, every row gets a savepoint of its own so that each
 * refusal is placed by row and column.
 */
async function writeRows<I>(
  m: EntityManager,
  prepared: Prepared<I>[],
  errors: CellError[],
  table: Record<string, ColumnSpec>,
  write: (inner: EntityManager, inputs: I[]) => Promise<unknown>,
): Promise<void> {
  if (errors.length === 0) {
    try {
      await m.transaction((inner) =>
        write(
          inner,
          prepared.map((p) => p.input),
        ),
      );
      return;
    } catch (e) {
      if (!(e instanceof DomainError || e instanceof LinkError)) throw e;
    }
  }
  for (const { row, unitCode, input } of prepared) {
    await eachRow(m, row, table, unitCode, errors, (inner) => write(inner, [input]));
  }
}

/**
 * Runs one row's writes in a savepoint: a refused row is rolled back to it and its error recorded
 * by column, so the next rows are still checked. Errors that are not the user's (a database
 * failure) end the import.
 */
async function eachRow(
  m: EntityManager,
  row: number,
  table: Record<string, ColumnSpec>,
  unitCode: string,
  errors: CellError[],
  write: (inner: EntityManager) => Promise<unknown>,
): Promise<void> {
  try {
    await m.transaction(write);
  } catch (e) {
    if (e instanceof LinkError)
      errors.push({ row, column: table.informationSets.header, message: e.message });
    else if (e instanceof DomainError) errors.push(...serviceErrors(row, e, table, unitCode));
    else throw e;
  }
}

/** A register service's refusal as cell errors: by the fields it names, else by what it is about. */
function serviceErrors(
  row: number,
  e: DomainError,
  table: Record<string, ColumnSpec>,
  unitCode: string,
): CellError[] {
  if (e.code === 'PERMISSION_DENIED') {
    return [
      { row, column: table.unit.header, message: `Du får inte registrera poster i enheten ${unitCode}.` },
    ];
  }
  if (e.code === 'OWNER_APPOINTMENT_FORBIDDEN') {
    const column = (table.owner ?? table.assetOwner).header;
    return [{ row, column, message: e.message }];
  }
  const fields = Array.isArray(e.details)
    ? (e.details as { field?: unknown }[])
        .map((d) => d.field)
        .filter((f): f is string => typeof f === 'string')
    : [];
  if (fields.length === 0) return [{ row, column: null, message: e.message }];
  return fields.map((field) => ({ row, column: headerOfField(table, field), message: e.message }));
}

/** The register's create DTO checks (code pattern, lengths, list sizes) on the row, by column. */
function dtoErrors(
  row: number,
  dto: new () => object,
  input: object,
  table: Record<string, ColumnSpec>,
): CellError[] {
  const found: ValidationError[] = validateSync(plainToInstance(dto, input), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return found.map((v) => ({
    row,
    column: headerOfField(table, v.property),
    message: Object.values(v.constraints ?? {}).join(' '),
  }));
}

const sortByRow = (errors: CellError[]) => [...errors].sort((a, b) => a.row - b.row);

/** Codes repeated within the file: the second and later rows are errors. */
class RowCodes {
  private readonly firstRow = new Map<string, number>();
  constructor(private readonly column: string) {}

  check(row: number, code: string): CellError[] {
    const first = this.firstRow.get(code);
    if (first !== undefined)
      return [{ row, column: this.column, message: `Koden ${code} finns redan på rad ${first}.` }];
    this.firstRow.set(code, row);
    return [];
  }
}

interface Lookups {
  unitId(code: string | null): string | undefined;
  personId(username: string | null): string | undefined;
  unit(row: number, code: string | null, column: ColumnSpec): CellError[];
  person(row: number, username: string | null, column: ColumnSpec): CellError[];
}

/**
 * Units by code and people by username (case-insensitive, as usernames are stored lower case) of
 * the tenant, in two queries for the whole file. Whether a unit is active and a person's account
 * open is the register service's check.
 */
async function lookups(
  m: EntityManager,
  tenantId: string,
  wanted: { units: (string | null)[]; people: (string | null)[] },
): Promise<Lookups> {
  const unitCodes = [...new Set(wanted.units.filter((c): c is string => !!c))];
  const usernames = [...new Set(wanted.people.filter((u): u is string => !!u).map((u) => u.toLowerCase()))];
  // `= ANY($2)`: one parameter however long the file (an IN list has a parameter per value).
  const [units, people] = await Promise.all([
    m.query<{ id: string; code: string }[]>(
      'SELECT id, code FROM org_unit WHERE tenant_id = $1 AND code = ANY($2::text[])',
      [tenantId, unitCodes],
    ),
    m.query<{ id: string; username: string }[]>(
      'SELECT id, lower(username) AS username FROM person WHERE tenant_id = $1 AND lower(username) = ANY($2::text[])',
      [tenantId, usernames],
    ),
  ]);
  const unitIds = new Map(units.map((u) => [u.code, u.id]));
  const personIds = new Map(people.map((p) => [p.username, p.id]));
  const refs: Lookups = {
    unitId: (code) => (code ? unitIds.get(code) : undefined),
    personId: (username) => (username ? personIds.get(username.toLowerCase()) : undefined),
    unit: (row, code, column) =>
      code && !refs.unitId(code)
        ? [{ row, column: column.header, message: `Enheten ${code} finns inte.` }]
        : [],
    person: (row, username, column) =>
      username && !refs.personId(username)
        ? [{ row, column: column.header, message: `Det finns ingen användare ${username}.` }]
        : [],
  };
  return refs;
}

/** Information set ids of the tenant by code. */
async function codeIds(m: EntityManager, tenantId: string, codes: string[]): Promise<Map<string, string>> {
  const sets = await m.query<{ id: string; code: string }[]>(
    'SELECT id, code FROM information_set WHERE tenant_id = $1 AND code = ANY($2::text[])',
    [tenantId, [...new Set(codes)]],
  );
  return new Map(sets.map((s) => [s.code, s.id]));
}

/** Leaves out what the row does not give, so the service's defaults apply and `null` is never sent. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

function informationSetInput(v: InformationSetRow, refs: Lookups): CreateInformationSetDto {
  return defined({
    code: v.code,
    name: v.name,
    orgUnitId: refs.unitId(v.unit) ?? '',
    informationOwnerId: refs.personId(v.owner),
    description: v.description,
    recordsClassCode: v.recordsClassCode,
    containsPersonalData: v.containsPersonalData,
    personalDataCategories: v.personalDataCategories,
    specialCategoryData: v.specialCategoryData,
    criminalOffenceData: v.criminalOffenceData,
    concernsChildren: v.concernsChildren,
    protectedIdentity: v.protectedIdentity,
    secrecyProvisions: v.secrecyProvisions,
    legalBases: v.legalBases,
    specialHandling: v.specialHandling,
    retention: v.retention,
  });
}

function assetInput(v: AssetRow, refs: Lookups): CreateAssetDto {
  return defined({
    code: v.code,
    name: v.name,
    type: v.type,
    subtype: v.subtype,
    orgUnitId: refs.unitId(v.unit) ?? '',
    assetOwnerId: refs.personId(v.assetOwner),
    systemManagerId: refs.personId(v.systemManager),
    description: v.description,
    providerOrgUnitId: refs.unitId(v.providerUnit),
    supplierName: v.supplierName,
    hosting: v.hosting,
    thirdCountryProcessing: v.thirdCountryProcessing,
    mfaRequired: v.mfaRequired,
    internetExposed: v.internetExposed,
    criticality: v.criticality,
    rtoHours: v.rtoHours,
    rpoHours: v.rpoHours,
  }) as CreateAssetDto;
}
