'use client';

import { linkLifetime } from '@/lib/account-links/link-lifetimes';
import type { AccountLinkKind } from '@/lib/account-links/admin-links';
import { Button } from '../button';
import { CopyButton } from '../copy-button';
import { Dialog } from '../dialog';

/** A link Thalamus did not email (lib/account-links/deliver-link.ts, `delivery: 'link'`), for the admin to hand over. */
export interface HandOverLink {
  email: string;
  kind: AccountLinkKind;
  link: string;
  reason: 'not_configured' | 'limited';
}

const titles: Record<AccountLinkKind, string> = { password_reset: 'Password reset link', invitation: 'Invitation link' };

/**
 * Shown once, when a password reset or an invitation could not be emailed: the one-time
 * link, to give the person over a channel the admin trusts. It lives only in this
 * dialog's memory (never logged, never stored in the clear), so closing it loses it; a
 * new one can be sent, which retires this one.
 */
export function OneTimeLinkDialog({ shown, onClose }: { shown?: HandOverLink; onClose: () => void }) {
  return (
    <Dialog open={!!shown} title={shown ? titles[shown.kind] : ''} onClose={onClose}>
      {shown && (
        <div className="space-y-4 text-sm">
          <p>
            {shown.reason === 'not_configured' ? (
              'Email is not configured, so nothing was sent.'
            ) : (
              <>
                <bdi>{shown.email}</bdi> received too many emails in the last hour, so nothing was sent.
              </>
            )}{' '}
            Give <bdi className="font-semibold">{shown.email}</bdi> this link yourself. It works once, for {linkLifetime(shown.kind)}, and lets whoever opens it choose the
            account’s password.
          </p>
          <div className="flex items-center gap-1">
            <input
              readOnly
              aria-label="One-time link"
              value={shown.link}
              onFocus={(event) => event.currentTarget.select()}
              className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-800"
            />
            <CopyButton value={shown.link} label="Copy link" />
          </div>
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            It is shown only this once. Sending a new one makes this link stop working.
          </p>
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
