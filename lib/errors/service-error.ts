import type { z } from 'zod';

export interface FieldProblem {
  path: string;
  message: string;
}

export type ServiceErrorCode = 'invalid_request' | 'not_found' | 'forbidden' | 'conflict' | 'unauthorized';

/**
 * A failure the caller can act on, raised by lib/ services and turned into the API's
 * error shape, a console field message or a CLI line. `fields` name the input to fix.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }

  static fromZod(error: z.ZodError, message = 'The request has invalid fields'): ServiceError {
    return new ServiceError('invalid_request', message, fieldProblems(error));
  }
}

/**
 * Services take `unknown` and parse it with their concept's one schema, so the API,
 * the console and the CLI hand over what they received and get the same field errors.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ServiceError.fromZod(parsed.error, message);
  return parsed.data;
}

/** zod issues as `{ path: "redirect_uris[1]", message }`, the form the API and the console show. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), ''),
    message: issue.message,
  }));
}
