/** A form's field errors are the FieldError paragraphs (and list entries' errors), whose ids end in "-error". */
const ERROR_MESSAGE = '[id$="-error"]';
const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * After a refused submit: brings the first field in error into view and focuses its control
 * (the one the message describes, else the first control of its group), so keyboard and
 * screen-reader users land on what to fix, even in a dialog that scrolls. With no field in
 * error, the form's alert is brought into view instead.
 */
export function focusFirstError(form: HTMLFormElement | null): void {
  if (!form) return;
  const message = form.querySelector<HTMLElement>(ERROR_MESSAGE);
  // A refusal without field errors (say, a permission) is told by the form's alert at the top.
  if (!message) return form.querySelector('[role="alert"]')?.scrollIntoView({ block: 'nearest' });
  const described = form.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(message.id)}"]`);
  const group = described ?? message.closest<HTMLElement>('li, fieldset, div');
  const control = described?.matches(FOCUSABLE) ? described : group?.querySelector<HTMLElement>(FOCUSABLE);
  (control ?? message).scrollIntoView({ block: 'center' });
  control?.focus({ preventScroll: true });
}
