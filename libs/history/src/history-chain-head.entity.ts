import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The head of a tenant's history chain: the last entry's seq and hash. Appending an entry updates
 * this row in the same statement as the insert, so its row lock is what serialises a tenant's
 * writers (held from that statement to commit, never across the use case's other statements).
 */
@Entity({ name: 'history_chain_head' })
export class HistoryChainHeadEntity {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  /** The hash before the last entry (its prevHash), returned by the append. */
  @Column({ type: 'char', length: 64 })
  prevHash: string;
}
