import { Button } from './button';

/** The end of a form: Cancel (or Back) and the submit button, which says so while the form is being sent. */
export function FormActions({
  onCancel,
  cancelLabel = 'Cancel',
  submitLabel,
  pending = false,
  pendingLabel = submitLabel,
  className = '',
}: {
  onCancel: () => void;
  cancelLabel?: string;
  submitLabel: string;
  pending?: boolean;
  pendingLabel?: string;
  className?: string;
}) {
  return (
    <div className={`flex justify-end gap-2 ${className}`}>
      <Button onClick={onCancel}>{cancelLabel}</Button>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}
