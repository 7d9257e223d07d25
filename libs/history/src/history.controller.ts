import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Can, CurrentPrincipal, type Principal, whereAllowed } from '@varna/authz';
import { badRequest, notFound } from '@varna/core';
import { DataSource } from 'typeorm';
import { HistoryEntryDto, HistoryListDto, HistoryQueryDto, VerifyResultDto } from './dto/history.dto';
import { HistoryEntryEntity } from './history-entry.entity';
import { HistorySubjects } from './history-subjects';
import { HistoryService } from './history.service';

@ApiTags('history')
@Controller()
export class HistoryController {
  constructor(
    private readonly history: HistoryService,
    private readonly subjects: HistorySubjects,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('history')
  @Can('read', 'HistoryEntry')
  @ApiOkResponse({ type: HistoryListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: HistoryQueryDto,
  ): Promise<HistoryListDto> {
    const subject = this.subjects.get(query.entity);
    if (!subject) {
      throw badRequest('HISTORY_UNKNOWN_ENTITY', `Okänd posttyp: ${query.entity}.`, {
        known: this.subjects.types(),
      });
    }
    // The history of a record is as visible as the record itself.
    const qb = this.dataSource
      .getRepository(subject.entity)
      .createQueryBuilder('e')
      .select('e.id')
      .where('e.id = :id', { id: query.id });
    const action = subject.readAction ?? 'read';
    const visible = await whereAllowed(
      qb,
      principal.ability,
      action,
      subject.subject,
      'e',
      subject.readField,
    ).getExists();
    if (!visible) throw notFound('HISTORY_ENTITY_NOT_FOUND');
    const entries = await this.history.forEntity(principal.actor.tenantId, query.entity, query.id);
    return { items: entries.map(toDto) };
  }

  @Get('admin/history/verify')
  @Can('verify', 'HistoryEntry')
  @ApiOkResponse({ type: VerifyResultDto })
  async verify(@CurrentPrincipal() principal: Principal): Promise<VerifyResultDto> {
    const result = await this.history.verify(principal.actor.tenantId);
    return {
      ok: result.ok,
      entriesChecked: result.entriesChecked,
      firstBreak: result.firstBreak
        ? { seq: result.firstBreak.seq, entryId: result.firstBreak.entryId, reason: result.firstBreak.reason }
        : null,
    };
  }
}

function toDto(e: HistoryEntryEntity): HistoryEntryDto {
  return {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorRoles: e.actorRoles,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    reason: e.reason,
    correlationId: e.correlationId,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
