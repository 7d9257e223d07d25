// The classification context: KLASSA-style classification, propagation to assets, overrides and
// action plans (domain.md §4b).
export * from './domain';
