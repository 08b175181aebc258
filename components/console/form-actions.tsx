import { Button } from './button';

/** Pinned to the bottom of a scrolling dialog, over the fields that scroll beneath it. */
const stickyClass = 'sticky bottom-0 z-10 -mx-6 -mb-6 border-t border-slate-200 bg-white px-6 py-4 dark:border-slate-800 dark:bg-slate-900';

/**
 * The end of a form: Cancel (or Back) and the submit button, which says so while the form is
 * being sent. `sticky` keeps them in view at the bottom of a long dialog while its body scrolls.
 */
export function FormActions({
  onCancel,
  cancelLabel = 'Cancel',
  submitLabel,
  pending = false,
  pendingLabel = submitLabel,
  sticky = false,
  className = '',
}: {
  onCancel: () => void;
  cancelLabel?: string;
  submitLabel: string;
  pending?: boolean;
  pendingLabel?: string;
  sticky?: boolean;
  className?: string;
}) {
  return (
    <div className={`flex justify-end gap-2 ${sticky ? stickyClass : ''} ${className}`}>
      <Button onClick={onCancel}>{cancelLabel}</Button>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}
