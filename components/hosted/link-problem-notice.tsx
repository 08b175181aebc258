import type { LinkProblemReason } from '@/lib/account-links/link-problem';
import { FORGOT_PASSWORD_PATH, withReturn } from '@/lib/account-links/link-paths';
import { ButtonLink } from './text-link';
import { FormAlert } from './form-alert';

const TITLES: Record<LinkProblemReason, string> = {
  expired: 'This link has expired',
  used: 'This link can no longer be used',
  invalid: 'This link is not valid',
};

const EXPLANATIONS: Record<LinkProblemReason, string> = {
  expired: 'Links sent by email work for a limited time only. Nothing was changed.',
  used: 'It was used already, or a newer link was sent since: only the newest one works. Nothing was changed.',
  invalid: 'It may have been copied incompletely. Nothing was changed.',
};

export function linkProblemTitle(reason: LinkProblemReason): string {
  return TITLES[reason];
}

/**
 * The body of the page an unusable emailed link opens: why, and how to get a new link.
 * An invitation cannot be asked for again by the person, but a reset link sets a first
 * password just as well, so both lead to "Forgot password?".
 */
export function LinkProblemNotice({
  reason,
  kind,
  returnTo,
  announce = false,
}: {
  reason: LinkProblemReason;
  kind: 'password_reset' | 'invitation';
  returnTo?: string;
  /** The link stopped working while its page was open: say so as an alert, the page's title no longer fits. */
  announce?: boolean;
}) {
  return (
    <div className="space-y-4">
      {announce && <FormAlert message={`${TITLES[reason]}.`} />}
      <p className="text-sm text-slate-600 dark:text-slate-400">{EXPLANATIONS[reason]}</p>
      {kind === 'invitation' && (
        <p className="text-sm text-slate-600 dark:text-slate-400">Ask your administrator to send a new invitation, or request a link to set your password yourself.</p>
      )}
      <ButtonLink href={withReturn(FORGOT_PASSWORD_PATH, returnTo)}>Request a new link</ButtonLink>
    </div>
  );
}
