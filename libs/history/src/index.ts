export { HistoryChainHeadEntity } from './history-chain-head.entity';
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
export {
  ensureHistoryHead,
  fillHoles,
  historyAppendSql,
  holeToken,
  SqlParams,
  type HistoryHole,
  type UnchainedEntry,
} from './history-append';
