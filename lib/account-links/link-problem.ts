import { ServiceError } from '@/lib/errors/service-error';
import type { UserTokenCheck } from './user-tokens';

export type LinkProblemReason = Extract<UserTokenCheck, { ok: false }>['reason'];

const MESSAGES: Record<LinkProblemReason, string> = {
  expired: 'This link has expired.',
  used: 'This link was used already, or a newer one was sent since.',
  invalid: 'This link is not valid. Check that it was copied whole.',
};

/**
 * An emailed link that cannot be used: expired, used (or replaced by a newer one) or not
 * one Thalamus issued. Nothing was changed; the page says why and offers a new link.
 */
export class LinkProblem extends ServiceError {
  constructor(readonly reason: LinkProblemReason) {
    super('invalid_request', MESSAGES[reason], [{ path: 'token', message: MESSAGES[reason] }]);
  }
}
