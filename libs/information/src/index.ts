// The information and asset registers (domain.md §4a): information sets, assets, their links and
// dependencies.
export * from './domain/enums';
export { InformationSetEntity } from './information-set.entity';
export { AssetEntity } from './asset.entity';
export { AssetInformationLinkEntity } from './asset-information-link.entity';
export { AssetDependencyEntity } from './asset-dependency.entity';
export { InformationModule } from './information.module';
export { InformationSetService } from './information-set.service';
export { AssetService } from './asset.service';
export { AssetLinkService } from './asset-link.service';
export {
  AssetActivationGuards,
  RegisterChangeListeners,
  type ActivationIssue,
  type AssetActivationCheck,
  type RegisterChangeListener,
} from './register-hooks';
export { refreshLinkedFacts } from './register-facts';
export { toInformationSetResponse, toAssetResponse } from './register.mapper';
export {
  CreateInformationSetDto,
  UpdateInformationSetDto,
  InformationSetDto,
  InformationSetNameDto,
  ListInformationSetsQueryDto,
  type InformationSetInput,
} from './dto/information-set.dto';
export {
  CreateAssetDto,
  UpdateAssetDto,
  AssetDto,
  AssetNameDto,
  ListAssetsQueryDto,
  LinkInformationSetDto,
  AddDependencyDto,
  type AssetInput,
} from './dto/asset.dto';
