export { DemoModule } from './demo.module';
export { DemoSeeder, type SeedResult, type SeedOptions } from './demo-seeder';
export { DemoClassificationSeeder } from './classification-seeder';
export {
  EXEMPELBY_INCIDENTS,
  EXEMPELBY_ORG_UNITS,
  EXEMPELBY_PEOPLE,
  EXEMPELBY_TENANT,
} from './exempelby.data';
export {
  EXEMPELBY_INFORMATION_SETS,
  EXEMPELBY_ASSETS,
  EXEMPELBY_ASSET_DEPENDENCIES,
} from './exempelby-registers.data';
export { demoPassword, type DemoCredentials } from './demo-credentials';
