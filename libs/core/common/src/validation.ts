import { ValidationPipe, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { DomainError, type FieldProblem } from './domain-error.js';

/** The problem for a field no DTO declares: the validation pipe's and UnexpectedBodyInterceptor's. */
export const unknownField = (field: string): FieldProblem => ({ field, code: 'unknown-field', message: `${field} is not a known field` });

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => (constraint === 'whitelistValidation' ? unknownField(field) : { field, code: constraint, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Where @nestjs/swagger keeps a property's OpenAPI options (`ApiProperty({ nullable: true })`). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

function isDtoInstance(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto !== null && proto !== Object.prototype;
}

const SCALAR_TYPES = new Set<unknown>([String, Number, Boolean, Date, Object, Array]);

/**
 * Two rules class-validator leaves open, checked for every DTO at once against what the OpenAPI document
 * says of the property (so the contract and the check cannot drift apart):
 * - `@IsOptional()` lets null through as if the field were left out, so `PATCH {"name": null}` reached a
 *   not-null column: null is refused unless the property is documented `nullable` (null means "clear it").
 * - `@ValidateNested()` validates an array's items as readily as one object, so `responsible: []` passed:
 *   an array is refused where the document names one nested object.
 * Walks the transformed DTO and its nested DTOs; plain objects (free-form settings) are left alone.
 */
export function shapeProblems(dto: unknown): ValidationError[] {
  const out: ValidationError[] = [];
  const visit = (obj: Record<string, unknown>, path: string) => {
    const proto = Object.getPrototypeOf(obj) as object;
    for (const key of Object.keys(obj)) {
      if (key === 'constructor') continue; // the pipe's stand-in for a primitive body
      const value = obj[key];
      const field = path ? `${path}.${key}` : key;
      if (value === null) {
        const meta = Reflect.getMetadata(API_MODEL_PROPERTIES, proto, key) as { nullable?: boolean } | undefined;
        if (!meta?.nullable) out.push({ property: field, children: [], constraints: { notNullable: `${field} must not be null; leave it out to keep its value` } });
      } else if (Array.isArray(value)) {
        const meta = Reflect.getMetadata(API_MODEL_PROPERTIES, proto, key) as { type?: unknown; isArray?: boolean } | undefined;
        const type: unknown = meta?.type ?? Reflect.getMetadata('design:type', proto, key);
        if (typeof type === 'function' && !SCALAR_TYPES.has(type) && !meta?.isArray) {
          out.push({ property: field, children: [], constraints: { isObject: `${field} must be an object, not an array` } });
          continue;
        }
        value.forEach((item, i) => isDtoInstance(item) && visit(item, `${field}[${i}]`));
      } else if (isDtoInstance(value)) visit(value, field);
    }
  };
  if (isDtoInstance(dto)) visit(dto, '');
  return out;
}

/** The global pipe, with the shape rules added to class-validator's own. */
class EnplanValidationPipe extends ValidationPipe {
  protected override async validate(object: object, options?: ValidationPipeOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    const reported = new Set(flatten(errors).map((p) => p.field));
    return [...errors, ...shapeProblems(object).filter((e) => !reported.has(e.property))];
  }
}

/**
 * The global pipe: unknown fields are rejected (not silently dropped), null only where the field is
 * nullable, no array for an object, values are converted to the DTO types, and every failure names its field. Messages never echo
 * the rejected value. (Depth, NUL, lone surrogates and prototype keys are refused earlier, by inputGuard.)
 */
export function createValidationPipe(): ValidationPipe {
  return new EnplanValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new DomainError('validation.failed', 'invalid', 'One or more fields are invalid', { errors: flatten(errors) }),
  });
}
