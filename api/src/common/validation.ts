import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from './domain-error.js';

/**
 * One refused field: the validator's sentences (English) and the rules it broke by name, with the
 * limit of `min`/`max`, so that the dashboard can say in the user's language what is allowed
 * ("Budget: mindestens 0", "Datum: nicht nach heute").
 */
export interface FieldProblem {
  field: string;
  problems: string[];
  rules: FieldRule[];
}

export interface FieldRule {
  rule: string;
  limit?: number;
}

/**
 * class-validator's sentences for min/max end with the limit ("… must not be less than 0"), for
 * maxLength with the limit and "characters" ("… shorter than or equal to 200 characters").
 */
const LIMIT = /(-?\d+(?:\.\d+)?)$/;
const LENGTH_LIMIT = /(\d+) characters$/;

function limitOf(rule: string, message: string): string | undefined {
  if (rule === 'min' || rule === 'max') return LIMIT.exec(message)?.[1];
  if (rule === 'maxLength') return LENGTH_LIMIT.exec(message)?.[1];
  return undefined;
}

function rulesOf(constraints: Record<string, string>): FieldRule[] {
  return Object.entries(constraints).map(([rule, message]) => {
    const limit = limitOf(rule, message);
    return limit === undefined ? { rule } : { rule, limit: Number(limit) };
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints
      ? [{ field, problems: Object.values(e.constraints), rules: rulesOf(e.constraints) }]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * A refusal of one field that only a service can decide (it needs the database), in the validation
 * pipe's shape, with the rule by name (and as `reason`).
 */
export const fieldError = (field: string, rule: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', message, {
    reason: rule,
    fields: [{ field, problems: [message], rules: [{ rule }] } satisfies FieldProblem],
  });

/** Rejects unknown fields, converts types, and answers in the API's error shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = fields.map((f) => `${f.field}: ${f.problems.join(', ')}`).join('; ');
      return new DomainError('VALIDATION_FAILED', `Some values are not valid — ${summary}`, { fields });
    },
  });
}
