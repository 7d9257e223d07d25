import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import { CreateSecrecyMarkingDto, SecrecyMarkingDto } from '../dto/incident.dto';
import { toSecrecyMarkingDto } from '../incident.mapper';
import { SecrecyService } from './secrecy.service';

/** Secrecy markings of an incident's fields (BR-D8, §5.2): for those who may change the incident. */
@ApiTags('incidents')
@Controller('incidents/:id/secrecy-markings')
export class SecrecyController {
  constructor(private readonly secrecy: SecrecyService) {}

  @Post()
  @Can('update', 'Incident')
  @ApiCreatedResponse({ type: SecrecyMarkingDto })
  @ApiNotFoundResponse()
  async mark(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateSecrecyMarkingDto,
  ): Promise<SecrecyMarkingDto> {
    return toSecrecyMarkingDto(await this.secrecy.mark(p, id, dto));
  }

  @Delete(':markingId')
  @HttpCode(204)
  @Can('update', 'Incident')
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async unmark(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Param('markingId', UUID_PARAM) markingId: string,
  ): Promise<void> {
    await this.secrecy.unmark(p, id, markingId);
  }
}
