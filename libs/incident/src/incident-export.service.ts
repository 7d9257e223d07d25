import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@varna/authz';
import { changeBy, HistoryService } from '@varna/history';
import { type ColumnSpec, text, writeTable } from '@varna/spreadsheet';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  formatStockholm,
  INCIDENT_STATUS_LABELS,
  INCIDENT_SUBTYPE_LABELS,
  INCIDENT_TYPE_LABELS,
  PERSONAL_DATA_CATEGORY_LABELS,
  ROOT_CAUSE_CATEGORY_LABELS,
  SEVERITY_LABELS,
  TRI_STATE_LABELS,
} from './domain';
import type { ExportIncidentsQueryDto } from './dto/incident.dto';
import { IncidentEntity } from './incident.entity';
import { applyListFilters } from './incident.service';
import { displayValue, redactIncident } from './secrecy/redaction';
import { SecrecyService } from './secrecy/secrecy.service';

export type ExportFormat = 'xlsx' | 'csv';

export interface RegisterExport {
  body: Buffer;
  contentType: string;
  filename: string;
  count: number;
}

type Cell = string | number | null;

/** The incident register's columns, Swedish headings (§5.5). The reporter is never exported. */
const COLUMNS: { header: string; width: number; value: (i: IncidentEntity) => Cell }[] = [
  { header: 'Nummer', width: 16, value: (i) => i.number },
  { header: 'Typ', width: 26, value: (i) => (i.type ? INCIDENT_TYPE_LABELS[i.type].sv : 'Ej bedömd') },
  { header: 'Undertyp', width: 24, value: (i) => (i.subtype ? INCIDENT_SUBTYPE_LABELS[i.subtype].sv : null) },
  { header: 'Status', width: 14, value: (i) => INCIDENT_STATUS_LABELS[i.status].sv },
  {
    header: 'Allvarlighetsgrad',
    width: 16,
    value: (i) => (i.severity ? SEVERITY_LABELS[i.severity].sv : null),
  },
  { header: 'Enhet', width: 30, value: (i) => i.orgUnit?.name ?? null },
  { header: 'Rapporterad', width: 17, value: (i) => formatStockholm(i.reportedAt) },
  { header: 'Kännedom', width: 17, value: (i) => formatStockholm(i.awareAt) },
  { header: 'Bedömd', width: 17, value: (i) => (i.triagedAt ? formatStockholm(i.triagedAt) : null) },
  { header: 'Avslutad', width: 17, value: (i) => (i.closedAt ? formatStockholm(i.closedAt) : null) },
  { header: 'Personuppgifter', width: 14, value: (i) => TRI_STATE_LABELS[i.personalDataInvolved].sv },
  {
    header: 'Grundorsakskategori',
    width: 22,
    value: (i) => (i.rootCauseCategory ? ROOT_CAUSE_CATEGORY_LABELS[i.rootCauseCategory].sv : null),
  },
];

/** The secrecy-markable columns, printed through the redaction (BR-D8). */
const MARKABLE_COLUMNS = [
  { header: 'Rubrik', width: 40, field: 'title' },
  { header: 'Beskrivning', width: 60, field: 'description' },
  { header: 'Antal registrerade', width: 12, field: 'dataSubjectsApprox' },
  { header: 'Antal poster', width: 12, field: 'recordsApprox' },
  { header: 'Kategorier av personuppgifter', width: 30, field: 'dataCategories' },
  { header: 'Grundorsak', width: 40, field: 'rootCause' },
  { header: 'Konsekvenser', width: 40, field: 'consequences' },
  { header: 'Åtgärder', width: 40, field: 'measures' },
  { header: 'Lärdomar', width: 40, field: 'lessonsLearned' },
] as const;

const EXPORT_LIMIT = 10_000;

/** The one spreadsheet writer of the house (libs/spreadsheet): headers, widths, the formula guard. */
const REGISTER_SPEC: Record<string, ColumnSpec<string | null>> = Object.fromEntries(
  [...COLUMNS, ...MARKABLE_COLUMNS].map((c, n) => [`c${n}`, text(c.header, { width: c.width })]),
);

/**
 * The incident register (§4d "Reports and exports"): the list's filters and row rules (`export`
 * instead of `read`), every secrecy-marked field redacted for everyone (exports go to nämnd reports,
 * §5.2), and the export itself in the history.
 */
@Injectable()
export class IncidentExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrecy: SecrecyService,
    private readonly history: HistoryService,
  ) {}

  async export(principal: Principal, query: ExportIncidentsQueryDto): Promise<RegisterExport> {
    const format: ExportFormat = query.format ?? 'xlsx';
    return this.dataSource.transaction(async (m) => {
      const qb = m
        .getRepository(IncidentEntity)
        .createQueryBuilder('i')
        .leftJoinAndSelect('i.orgUnit', 'unit');
      applyListFilters(qb, principal, query, 'export');
      const incidents = await qb
        .orderBy('i.reported_at', 'DESC')
        .addOrderBy('i.number', 'DESC')
        .take(EXPORT_LIMIT)
        .getMany();
      const markings = await this.secrecy.markingsOf(
        incidents.map((i) => i.id),
        m,
      );
      const rows = incidents.map((i) => {
        const redacted = redactIncident(
          {
            title: i.title,
            description: i.description,
            rootCause: i.rootCause,
            consequences: i.consequences,
            measures: i.measures,
            lessonsLearned: i.lessonsLearned,
            dataSubjectsApprox: i.dataSubjectsApprox,
            recordsApprox: i.recordsApprox,
            dataCategories: i.dataCategories,
          },
          markings.get(i.id) ?? [],
        );
        const markable = MARKABLE_COLUMNS.map(({ field }): Cell => {
          const value = displayValue(redacted, field);
          if (Array.isArray(value)) {
            return value.map((c) => PERSONAL_DATA_CATEGORY_LABELS[c].sv).join(', ');
          }
          return value ?? null;
        });
        const cells = [...COLUMNS.map((c) => c.value(i)), ...markable];
        return Object.fromEntries(cells.map((cell, n) => [`c${n}`, cell === null ? null : String(cell)]));
      });
      const exportId = randomUUID();
      await this.history.record(
        m,
        changeBy(principal, {
          entityType: 'IncidentRegisterExport',
          action: 'export',
          entityId: exportId,
          before: null,
          after: {
            format,
            filters: { status: query.status, type: query.type, orgUnitId: query.orgUnitId, mine: query.mine },
            count: incidents.length,
            incidentIds: incidents.map((i) => i.id),
            redactedIncidentIds: incidents.filter((i) => (markings.get(i.id) ?? []).length).map((i) => i.id),
          },
        }),
      );
      const body = await writeTable(rows, format, REGISTER_SPEC, { sheetName: 'Incidentregister' });
      return {
        body,
        count: incidents.length,
        filename: `incidentregister.${format}`,
        contentType:
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    });
  }
}
