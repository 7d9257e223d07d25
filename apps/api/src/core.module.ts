import { DynamicModule, Global, Module } from '@nestjs/common';
import { VarnaConfig } from '@varna/config';
import { Clock, createLogger } from '@varna/core';

export const LOGGER = 'VARNA_LOGGER';

/** The clock and the logger, global: every context reads time and logs the same way. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(clock: Clock, config: VarnaConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: Clock, useValue: clock },
        { provide: LOGGER, useValue: createLogger(config.logLevel) },
      ],
      exports: [Clock, LOGGER],
    };
  }
}
