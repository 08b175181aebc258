import 'server-only';
import { revalidatePath } from 'next/cache';
import { ZodError, type z } from 'zod';
import { NotAnAdmin, requireAdmin, type ConsoleAdmin } from '@/lib/console/require-admin';
import { ServiceError, fieldProblems } from '@/lib/errors/service-error';
import type { Actor } from '@/lib/audit/record-audit';
import type { ActionResult } from './action-result';

type ArgSchemas = readonly z.ZodType[];
type Inputs<A extends ArgSchemas> = { -readonly [K in keyof A]: z.input<A[K]> };
type Outputs<A extends ArgSchemas> = { -readonly [K in keyof A]: z.output<A[K]> };

export interface AdminActionOptions<A extends ArgSchemas> {
  /**
   * One schema per argument, in order. Every server action is a public endpoint, so each
   * argument is parsed here; `z.unknown()` hands it to a service that parses it itself.
   */
  args: A;
  /** The console page whose data the action changes. */
  revalidate: string;
  /** Only super admins may call it. */
  role?: 'super_admin';
  /** What a caller without the rights is told, in place of NotAnAdmin's message. */
  forbiddenMessage?: string;
}

export interface AdminContext {
  admin: ConsoleAdmin;
  actor: Actor;
}

/**
 * The one door for console server actions: checks the admin session (and role) on every
 * call, parses the arguments, runs the handler and revalidates the page. A ServiceError,
 * a refused session and malformed arguments answer as an `ActionResult` the form shows;
 * anything else is a bug and throws.
 */
export function adminAction<const A extends ArgSchemas, T>(
  options: AdminActionOptions<A>,
  handler: (args: Outputs<A>, context: AdminContext) => Promise<T>,
): (...args: Inputs<A>) => Promise<ActionResult<T>> {
  return async (...raw) => {
    try {
      const admin = await requireAdmin({ superAdmin: options.role === 'super_admin' });
      const args = options.args.map((schema, index) => schema.parse(raw[index])) as Outputs<A>;
      const data = await handler(args, { admin, actor: { type: 'admin', id: admin.id, label: admin.email } });
      revalidatePath(options.revalidate);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof NotAnAdmin) return { ok: false, message: options.forbiddenMessage ?? error.message, fields: [] };
      if (error instanceof ServiceError) return { ok: false, message: error.message, fields: error.fields };
      // A forged call with malformed arguments gets field errors, not a 500.
      if (error instanceof ZodError) return { ok: false, message: 'Fix the highlighted fields', fields: fieldProblems(error) };
      throw error;
    }
  };
}
