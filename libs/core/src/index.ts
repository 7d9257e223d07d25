export {
  DomainError,
  STATUS_BY_KIND,
  notFound,
  badRequest,
  conflict,
  forbidden,
  unauthenticated,
  type ErrorKind,
  type FieldErrorDetail,
} from './domain-error';
export type { ErrorBody } from './error-body';
export { toErrorBody } from './error-mapping';
export { ErrorFilter, sendError } from './error.filter';
export { createValidationPipe, IsOmittable, UUID_PARAM } from './validation';
export { RequestContext, type RequestContextData } from './request-context';
export { Clock, SystemClock, FixedClock, stockholmDate } from './clock';
export { createLogger, type Logger } from './logger';
export { PageQuery } from './paging';
export { IntervalJob } from './interval-job';
