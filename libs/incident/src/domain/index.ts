export * from './errors';
export * from './stockholm-time';
export * from './period';
export * from './regimes';
export * from './regulatory-clock';
export * from './validation';
export * from './business-days';
export * from './incident';
