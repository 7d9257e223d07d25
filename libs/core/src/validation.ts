import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { badRequest, FieldErrorDetail } from './domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own: FieldErrorDetail[] = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Unknown fields are refused (not silently dropped), invalid ones answered per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      badRequest('VALIDATION_FAILED', 'En eller flera uppgifter är ogiltiga.', flatten(errors)),
  });
}

/**
 * An optional field that, when sent, must be valid: like `@IsOptional()` for a missing field, but a
 * `null` is validated (and so refused by the field's type check) instead of skipping every check.
 * `@IsOptional()` lets `null` through, which on a NOT NULL column turned a bad PATCH into a 500.
 * Nullable fields (that `null` clears) keep `@IsOptional()`.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** Path parameter `:id` as a uuid; anything else is a coded 400, in the one error body. */
export const UUID_PARAM = new ParseUUIDPipe({
  exceptionFactory: () => badRequest('INVALID_ID', 'Ogiltigt id: förväntade ett UUID.'),
});
