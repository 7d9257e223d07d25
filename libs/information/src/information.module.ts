import { Module, OnModuleInit } from '@nestjs/common';
import { HistorySubjects } from '@varna/history';
import { OrganisationModule, OrgPathDependents } from '@varna/organisation';
import { AssetController } from './asset.controller';
import { AssetEntity } from './asset.entity';
import { AssetLinkService } from './asset-link.service';
import { AssetService } from './asset.service';
import { InformationSetController } from './information-set.controller';
import { InformationSetEntity } from './information-set.entity';
import { InformationSetService } from './information-set.service';
import { AssetIoController } from './io/asset-io.controller';
import { InformationSetIoController } from './io/information-set-io.controller';
import { RegisterExportService } from './io/register-export.service';
import { RegisterImportService } from './io/register-import.service';
import { FULL_VIEW_FIELD } from './register-access';
import { AssetActivationGuards, RegisterChangeListeners } from './register-hooks';

/** The information and asset registers (domain.md §4a); ADR 0011. */
@Module({
  imports: [OrganisationModule],
  // The spreadsheet routes (`…/export`, `…/import`) come first, so that `export` is not taken for an id.
  controllers: [InformationSetIoController, AssetIoController, InformationSetController, AssetController],
  providers: [
    InformationSetService,
    AssetService,
    AssetLinkService,
    AssetActivationGuards,
    RegisterChangeListeners,
    RegisterExportService,
    RegisterImportService,
  ],
  exports: [
    InformationSetService,
    AssetService,
    AssetLinkService,
    AssetActivationGuards,
    RegisterChangeListeners,
  ],
})
export class InformationModule implements OnModuleInit {
  constructor(
    private readonly historySubjects: HistorySubjects,
    private readonly pathDependents: OrgPathDependents,
  ) {}

  onModuleInit(): void {
    // History holds whole snapshots: not for those who read the name view only.
    this.historySubjects.register({
      entityType: 'InformationSet',
      subject: 'InformationSet',
      entity: InformationSetEntity,
      readField: FULL_VIEW_FIELD,
    });
    this.historySubjects.register({
      entityType: 'Asset',
      subject: 'Asset',
      entity: AssetEntity,
      readField: FULL_VIEW_FIELD,
    });
    for (const table of ['information_set', 'asset']) {
      this.pathDependents.register({ table, unitColumn: 'org_unit_id', pathColumn: 'org_unit_path' });
    }
  }
}
