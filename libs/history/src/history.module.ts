import { Global, Module } from '@nestjs/common';
import { HistoryController } from './history.controller';
import { HistorySubjects } from './history-subjects';
import { HistoryService } from './history.service';

@Global()
@Module({
  controllers: [HistoryController],
  providers: [HistoryService, HistorySubjects],
  exports: [HistoryService, HistorySubjects],
})
export class HistoryModule {}
