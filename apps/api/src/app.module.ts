import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@varna/auth';
import { ClassificationModule } from '@varna/classification';
import { ConfigModule, VarnaConfig } from '@varna/config';
import { Clock } from '@varna/core';
import { createDataSourceOptions } from '@varna/db';
import { DemoModule } from '@varna/demo';
import { HistoryModule } from '@varna/history';
import { AttachmentScanner, AttachmentScannerModule, IncidentModule } from '@varna/incident';
import { InformationModule } from '@varna/information';
import { OrganisationModule } from '@varna/organisation';
import { MIGRATIONS } from '../../../migrations';
import { CoreModule } from './core.module';
import { ENTITIES } from './entities';
import { HealthController } from './health.controller';

export interface AppModuleOptions {
  config: VarnaConfig;
  databaseUrl: string;
  clock: Clock;
  /** The virus-scan hook for incident attachments; default none (every file NOT_SCANNED). */
  attachmentScanner?: AttachmentScanner;
}

/** Composition root: wires the bounded contexts; no business logic here. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        CoreModule.forRoot(options.clock, options.config),
        AttachmentScannerModule.forRoot(options.attachmentScanner),
        TypeOrmModule.forRoot(
          createDataSourceOptions({ url: options.databaseUrl, entities: ENTITIES, migrations: MIGRATIONS }),
        ),
        HistoryModule,
        OrganisationModule,
        AuthModule,
        IncidentModule,
        ClassificationModule,
        InformationModule,
        DemoModule,
      ],
      controllers: [HealthController],
    };
  }
}
