import { ServiceError } from '@/lib/errors/service-error';

/** Largest document POST /api/apply reads: a few hundred clients (one is a few KB). */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** `?dry_run=true&prune=true`: each flag absent (false), `true` or `false`; anything else is a 400 naming it. */
export function applyFlags(url: URL): { dryRun: boolean; prune: boolean } {
  const flag = (name: string) => {
    const value = url.searchParams.get(name);
    if (value === null || value === 'false') return false;
    if (value === 'true') return true;
    throw new ServiceError('invalid_request', `${name} is true or false`, [{ path: name, message: 'Use true or false' }]);
  };
  return { dryRun: flag('dry_run'), prune: flag('prune') };
}
