export { DemoModule } from './demo.module';
export { DemoSeeder, type SeedResult, type SeedOptions } from './demo-seeder';
export {
  EXEMPELBY_INCIDENTS,
  EXEMPELBY_ORG_UNITS,
  EXEMPELBY_PEOPLE,
  EXEMPELBY_TENANT,
} from './exempelby.data';
export { demoPassword, type DemoCredentials } from './demo-credentials';
