import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant: ISO 8601 date and time with `Z` or an offset (a wall time alone is ambiguous). */
export const IsInstant = (field: string) =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(INSTANT, { message: `${field}: tidpunkt på formen 2026-11-16T10:00:00+01:00 eller …Z` }),
  );
