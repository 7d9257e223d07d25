// The incident context. So far: the pure regulator-clock domain (the module's API arrives with issue 5).
export * from './domain';
