export { VarnaConfig, loadConfig, ConfigError } from './varna-config';
export { ConfigModule } from './config.module';
