/**
 * Thrown by the clock core for programming or configuration errors (an invalid date, a period
 * that may not be overridden). Business-rule violations are returned as {@link ValidationIssue}s
 * instead. Framework-free: the incident module maps it to its own DomainError.
 */
export class RegulatoryClockError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RegulatoryClockError';
  }
}
