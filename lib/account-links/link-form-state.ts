import type { LinkProblemReason } from './link-problem';

/** What the forgot-password, reset and invitation forms get back from their server actions. */
export interface LinkFormState {
  error?: string;
  /** Field-level messages, keyed by input name (`email`, `password`, `confirm`). */
  fieldErrors?: Record<string, string>;
  /** Echo of the email, so a refused request does not clear the field. */
  email?: string;
  /** The link stopped working while the page was open (used in another tab, expired). */
  linkProblem?: LinkProblemReason;
}
