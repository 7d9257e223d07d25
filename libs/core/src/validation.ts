import { ValidationError, ValidationPipe } from '@nestjs/common';
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
