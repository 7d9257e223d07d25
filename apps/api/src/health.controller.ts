import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@varna/authz';
import { DomainError } from '@varna/core';
import { DataSource } from 'typeorm';

class HealthDto {
  @ApiProperty({ example: 'ok' }) status: 'ok';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The process is up. */
  @Get('live')
  @Public()
  @ApiOkResponse({ type: HealthDto })
  live(): HealthDto {
    return { status: 'ok' };
  }

  /** The database answers and every migration is applied: ready for traffic. */
  @Get('ready')
  @Public()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse()
  async ready(): Promise<HealthDto> {
    try {
      await this.dataSource.query('SELECT 1');
      if (await this.dataSource.showMigrations()) throw new Error('pending migrations');
    } catch {
      throw new DomainError(
        'UNAVAILABLE',
        'NOT_READY',
        'Tjänsten är inte redo: databasen svarar inte eller saknar migreringar.',
      );
    }
    return { status: 'ok' };
  }
}
