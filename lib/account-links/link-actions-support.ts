import 'server-only';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/http/client-address';
import { ServiceError } from '@/lib/errors/service-error';
import type { RequestContext } from './choose-password';
import type { LinkFormState } from './link-form-state';
import { LinkProblem } from './link-problem';

/** The address and browser of the request a hosted link page's action serves. */
export async function requestContext(): Promise<RequestContext> {
  const list = await headers();
  return { address: clientAddress({ headers: list }), userAgent: list.get('user-agent') ?? '' };
}

/** A refused link or password as the form shows it; anything else is a bug and throws. */
export function formStateFor(error: unknown): LinkFormState {
  if (error instanceof LinkProblem) return { linkProblem: error.reason };
  if (error instanceof ServiceError && error.code === 'invalid_request') {
    const fieldErrors: Record<string, string> = {};
    for (const field of error.fields) fieldErrors[field.path] ??= field.message;
    return Object.keys(fieldErrors).length ? { fieldErrors } : { error: error.message };
  }
  throw error;
}

/** A form field as a string ('' when absent or a file). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
