import type { TwoStepSetup } from '@/lib/account/two-step';

/** What an account page action answers: a result to announce, or what to fix. */
export interface AccountActionState {
  /** Announced in the form's live region. */
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** The values the person typed, given back after a refusal. */
  values?: Record<string, string>;
  recoveryCodes?: string[];
  setup?: TwoStepSetup;
}

export type AccountAction = (state: AccountActionState, form: FormData) => Promise<AccountActionState>;
