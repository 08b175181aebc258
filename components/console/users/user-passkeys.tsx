'use client';

import { useEffect, useState } from 'react';
import { listUserPasskeysAction, removeUserPasskeyAction } from '@/lib/console/actions/passkey-actions';
import { ConfirmDialog } from '../confirm-dialog';
import { formatDate } from '../format-date';
import { toast } from '../toaster';

type Passkey = { id: string; name: string; deviceType: string; createdAt: string; lastUsedAt: string | null; suspendedAt: string | null };

/**
 * The user's passkeys in their details (name, added, last used), each with "Remove"
 * after a confirmation: for a lost device, or one the user can no longer vouch for.
 */
export function UserPasskeys({ userId }: { userId: string }) {
  const [passkeys, setPasskeys] = useState<Passkey[] | undefined>();
  const [error, setError] = useState<string>();
  const [removing, setRemoving] = useState<Passkey>();

  const show = (result: Awaited<ReturnType<typeof listUserPasskeysAction>>) => {
    if (result.ok) {
      setPasskeys(result.data);
      setError(undefined);
    } else setError(result.message);
  };

  useEffect(() => {
    let current = true;
    void listUserPasskeysAction(userId).then((result) => current && show(result));
    return () => {
      current = false;
    };
  }, [userId]);

  const remove = async () => {
    if (!removing) return;
    const result = await removeUserPasskeyAction(userId, removing.id);
    setRemoving(undefined);
    toast(result.ok ? `Passkey “${removing.name}” removed` : result.message, result.ok ? 'success' : 'error');
    show(await listUserPasskeysAction(userId));
  };

  return (
    <section aria-labelledby={`passkeys-${userId}`} className="mt-6">
      <h3 id={`passkeys-${userId}`} className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Passkeys
      </h3>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : !passkeys ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : passkeys.length === 0 ? (
        <p className="text-sm text-slate-500">No passkeys.</p>
      ) : (
        <ul className="space-y-2 text-xs" aria-label="Passkeys">
          {passkeys.map((passkey) => (
            <li key={passkey.id} aria-label={passkey.name} className="flex items-start justify-between gap-2 rounded border border-slate-200 p-2 dark:border-slate-800">
              <span className="min-w-0">
                <bdi className="block font-medium break-all">{passkey.name}</bdi>
                <span className="text-slate-500">
                  Added {formatDate(passkey.createdAt)} · {passkey.lastUsedAt ? `last used ${formatDate(passkey.lastUsedAt)}` : 'never used'}
                  {passkey.deviceType === 'multiDevice' ? ' · synced' : ''}
                </span>
                {passkey.suspendedAt && <span className="block font-medium text-red-700 dark:text-red-400">Suspended: a copy was detected</span>}
              </span>
              <button
                type="button"
                aria-label={`Remove passkey ${passkey.name}`}
                onClick={() => setRemoving(passkey)}
                className="shrink-0 rounded px-2 py-1 font-semibold text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950"
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={!!removing}
        title="Remove this passkey?"
        message={
          <>
            <bdi>{removing?.name}</bdi> will no longer sign this user in. They can add a new passkey on their account page.
          </>
        }
        confirmLabel="Remove passkey"
        onCancel={() => setRemoving(undefined)}
        onConfirm={remove}
      />
    </section>
  );
}
