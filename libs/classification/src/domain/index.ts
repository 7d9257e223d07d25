export * from './model';
export * from './dates';
export * from './lifecycle';
export * from './propagation';
export * from './overrides';
export * from './catalogue';
export * from './action-plan';
export * from './review';
