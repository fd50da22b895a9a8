import { badInput } from '@pantau/common';
import { validate, type ValidationError } from 'class-validator';

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Validates GraphQL input objects with class-validator and fails with ONE clear BAD_USER_INPUT error
 * that names every problem (instead of a generic "Argument Validation Error").
 */
export async function validateInput(argValue: unknown): Promise<void> {
  if (argValue === null || typeof argValue !== 'object' || argValue instanceof Date) return;
  const items = Array.isArray(argValue) ? argValue.filter((v) => v !== null && typeof v === 'object') : [argValue];
  for (const item of items) {
    const errors = await validate(item as object, { skipMissingProperties: true, forbidUnknownValues: false });
    if (errors.length) {
      const problems = flatten(errors);
      throw badInput(
        `Invalid input: ${problems.flatMap((p) => p.messages).join('; ')}.`,
        `Masukan tidak sah pada: ${problems.map((p) => p.field).join(', ')}.`,
        { fields: problems },
      );
    }
  }
}
