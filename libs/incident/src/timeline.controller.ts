import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import { CreateTimelineNoteDto, TimelineEntryDto, TimelineListDto } from './dto/timeline.dto';
import { toTimelineEntryDto } from './timeline.mapper';
import { TimelineService } from './timeline.service';

@ApiTags('incidents')
@Controller('incidents/:id/timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get()
  @Can('read', 'IncidentTimelineEntry')
  @ApiOkResponse({ type: TimelineListDto })
  @ApiNotFoundResponse()
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<TimelineListDto> {
    const { entries, mask } = await this.timeline.list(p, id);
    return { items: entries.map((e) => toTimelineEntryDto(e, mask)) };
  }

  @Post()
  @Can('create', 'IncidentTimelineEntry')
  @ApiCreatedResponse({ type: TimelineEntryDto })
  async addNote(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateTimelineNoteDto,
  ): Promise<TimelineEntryDto> {
    const { entry, mask } = await this.timeline.addNote(p, id, dto.text);
    return toTimelineEntryDto(entry, mask);
  }
}
