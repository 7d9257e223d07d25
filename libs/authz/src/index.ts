export * from './core';
export { whereAllowed } from './query-filter';
export { Public, Can, PUBLIC_KEY, CAN_KEY, type CanRequirement } from './decorators';
export { CurrentPrincipal, type Principal } from './principal';
export { AuthorizationGuard } from './authorization.guard';
export { assertCan } from './assert-can';
