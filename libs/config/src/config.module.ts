import { DynamicModule, Global, Module } from '@nestjs/common';
import { VarnaConfig } from './varna-config';

/** Provides the one VarnaConfig instance built at boot. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: VarnaConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: VarnaConfig, useValue: config }],
      exports: [VarnaConfig],
    };
  }
}
