import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last incident number issued per tenant and year. Allocation is one upsert that row-locks the
 * counter until commit, so concurrent reports get consecutive numbers and a rolled-back report
 * gives its number back.
 */
@Entity({ name: 'incident_number_counter' })
export class IncidentNumberCounterEntity {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('int')
  year: number;

  @Column('int')
  lastValue: number;
}
