'use client';

/**
 * Why the last action was refused (e.g. the clients still using what was to be deleted),
 * kept on the page until the admin dismisses it, unlike a toast.
 */
export function DismissibleAlert({ message, onDismiss }: { message: string | undefined; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="mb-4 flex items-start justify-between gap-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      <p>
        <bdi>{message}</bdi>
      </p>
      <button type="button" aria-label="Dismiss" onClick={onDismiss} className="rounded p-1 hover:bg-red-100 dark:hover:bg-red-900">
        ✕
      </button>
    </div>
  );
}
