import { ValidateIf } from 'class-validator';

/**
 * An optional field that, when sent, must be valid: like `@IsOptional()` for a missing field, but a
 * `null` is validated (and so refused by the field's type check) instead of skipping every check.
 * `@IsOptional()` lets `null` through, which on a NOT NULL column turned a bad PATCH into a 500.
 * Nullable fields (that `null` clears) keep `@IsOptional()`.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
