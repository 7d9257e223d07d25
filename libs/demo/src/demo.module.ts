import { Module } from '@nestjs/common';
import { AuthModule } from '@varna/auth';
import { ClassificationModule } from '@varna/classification';
import { DemoClassificationSeeder } from './classification-seeder';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [AuthModule, ClassificationModule],
  providers: [DemoSeeder, DemoClassificationSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
