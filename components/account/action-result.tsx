import { FormAlert } from '@/components/hosted/form-alert';
import type { AccountActionState } from './account-action-state';

/** A form's outcome: the error as an alert, the success in a polite live region (always present, so it is announced). */
export function ActionResult({ state }: { state: AccountActionState }) {
  return (
    <>
      <FormAlert message={state.error} />
      <p role="status" aria-live="polite" className="text-sm text-emerald-700 empty:hidden dark:text-emerald-400">
        {state.message ?? ''}
      </p>
    </>
  );
}
