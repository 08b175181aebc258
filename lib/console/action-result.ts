import type { FieldProblem } from '@/lib/errors/service-error';

/** What every console server action answers its form with: the data, or a message and the fields to fix. */
export type ActionResult<T = void> = { ok: true; data: T } | { ok: false; message: string; fields: FieldProblem[] };
