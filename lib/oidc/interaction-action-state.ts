/** What the hosted-page server actions return to their forms. */
export interface InteractionActionState {
  error?: string;
  /** Field-level messages, keyed by input name. */
  fieldErrors?: Record<string, string>;
  /** The sign-in is complete: the browser continues at this URL (the provider's resume endpoint). */
  redirectTo?: string;
  /** Shown once, right after MFA enrollment. */
  recoveryCodes?: string[];
  /** Echo of the email, so a failed attempt does not clear the field. */
  email?: string;
}
