import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UUID_PARAM } from '@varna/core';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import {
  CreateRoleAssignmentDto,
  ListRoleAssignmentsQueryDto,
  RoleAssignmentDto,
  RoleAssignmentListDto,
  UpdateRoleAssignmentDto,
} from './dto/role-assignment.dto';
import { toRoleAssignmentDto } from './person.mapper';
import { RoleAssignmentService } from './role-assignment.service';

@ApiTags('role-assignments')
@Controller('role-assignments')
export class RoleAssignmentController {
  constructor(private readonly assignments: RoleAssignmentService) {}

  @Get()
  @Can('read', 'RoleAssignment')
  @ApiOkResponse({ type: RoleAssignmentListDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListRoleAssignmentsQueryDto,
  ): Promise<RoleAssignmentListDto> {
    const page = await this.assignments.list(p, query);
    return { ...page, items: page.items.map(toRoleAssignmentDto) };
  }

  @Get(':id')
  @Can('read', 'RoleAssignment')
  @ApiOkResponse({ type: RoleAssignmentDto })
  @ApiNotFoundResponse()
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<RoleAssignmentDto> {
    return toRoleAssignmentDto(await this.assignments.get(p, id));
  }

  @Post()
  @Can('create', 'RoleAssignment')
  @ApiCreatedResponse({ type: RoleAssignmentDto })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateRoleAssignmentDto,
  ): Promise<RoleAssignmentDto> {
    return toRoleAssignmentDto(await this.assignments.create(p, dto));
  }

  @Patch(':id')
  @Can('update', 'RoleAssignment')
  @ApiOkResponse({ type: RoleAssignmentDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateRoleAssignmentDto,
  ): Promise<RoleAssignmentDto> {
    return toRoleAssignmentDto(await this.assignments.update(p, id, dto));
  }
}
