export { HistoryEntryEntity } from './history-entry.entity';
export {
  HistoryService,
  changeBy,
  type HistoryRecord,
  type VerifyResult,
  type ChainBreak,
} from './history.service';
export { HistorySubjects, type HistorySubject } from './history-subjects';
export { HistoryModule } from './history.module';
export { canonicalJson, entryHash, GENESIS_HASH, hasChanges, snapshot } from './hash-chain';
