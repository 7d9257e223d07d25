import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UUID_PARAM } from '@varna/core';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import {
  CreatePersonDto,
  ListPersonsQueryDto,
  PersonDto,
  PersonListDto,
  UpdatePersonDto,
} from './dto/person.dto';
import { toPersonDto } from './person.mapper';
import { PersonService } from './person.service';

@ApiTags('users')
@Controller('users')
export class PersonController {
  constructor(private readonly persons: PersonService) {}

  @Get()
  @Can('read', 'Person')
  @ApiOkResponse({ type: PersonListDto })
  async list(@CurrentPrincipal() p: Principal, @Query() query: ListPersonsQueryDto): Promise<PersonListDto> {
    const page = await this.persons.list(p, query);
    return { ...page, items: page.items.map(toPersonDto) };
  }

  @Get(':id')
  @Can('read', 'Person')
  @ApiOkResponse({ type: PersonDto })
  @ApiNotFoundResponse()
  async get(@CurrentPrincipal() p: Principal, @Param('id', UUID_PARAM) id: string): Promise<PersonDto> {
    return toPersonDto(await this.persons.get(p, id));
  }

  @Post()
  @Can('create', 'Person')
  @ApiCreatedResponse({ type: PersonDto })
  async create(@CurrentPrincipal() p: Principal, @Body() dto: CreatePersonDto): Promise<PersonDto> {
    return toPersonDto(await this.persons.create(p, dto));
  }

  @Patch(':id')
  @Can('update', 'Person')
  @ApiOkResponse({ type: PersonDto })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdatePersonDto,
  ): Promise<PersonDto> {
    return toPersonDto(await this.persons.update(p, id, dto));
  }
}
