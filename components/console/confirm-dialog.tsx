'use client';

import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

/** What a confirmation asks: the change, what happens, and the button that does it. */
export interface ConfirmQuestion {
  title: ReactNode;
  message: ReactNode;
  confirmLabel: string;
  /** danger (the default) for what stops something working; primary for what widens access. */
  tone?: 'danger' | 'primary';
}

/** "Are you sure?" before a risky change: what it does, then Cancel or the change (which says so while it runs). */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  tone = 'danger',
  onCancel,
  onConfirm,
}: ConfirmQuestion & {
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void | Promise<void>;
}) {
  const [pending, setPending] = useState(false);
  const confirm = async () => {
    setPending(true);
    try {
      await onConfirm();
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      {open && (
        <div className="space-y-4">
          <p className="text-sm text-slate-600 dark:text-slate-400">{message}</p>
          <div className="flex justify-end gap-2">
            <Button onClick={onCancel}>Cancel</Button>
            <Button variant={tone} onClick={confirm} disabled={pending}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

/**
 * A confirmation to await before a risky change: `if (await confirm({ … })) change()`.
 * Render `dialog` once; cancelling (or Escape) answers false and changes nothing.
 */
export function useConfirm(): { dialog: ReactNode; confirm: (question: ConfirmQuestion) => Promise<boolean> } {
  const [asked, setAsked] = useState<ConfirmQuestion & { answer: (yes: boolean) => void }>();
  const confirm = (question: ConfirmQuestion) =>
    new Promise<boolean>((resolve) =>
      setAsked({
        ...question,
        answer: (yes) => {
          setAsked(undefined);
          resolve(yes);
        },
      }),
    );
  const dialog = (
    <ConfirmDialog
      open={!!asked}
      title={asked?.title ?? ''}
      message={asked?.message ?? ''}
      confirmLabel={asked?.confirmLabel ?? ''}
      tone={asked?.tone}
      onCancel={() => asked?.answer(false)}
      onConfirm={() => asked?.answer(true)}
    />
  );
  return { dialog, confirm };
}
