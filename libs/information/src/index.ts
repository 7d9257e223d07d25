// The information and asset registers (domain.md §4a): information sets, assets, their links and
// dependencies.
export * from './domain/enums';
export { InformationSetEntity } from './information-set.entity';
export { AssetEntity } from './asset.entity';
export { AssetInformationLinkEntity } from './asset-information-link.entity';
export { AssetDependencyEntity } from './asset-dependency.entity';
