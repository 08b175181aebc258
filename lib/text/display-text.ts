import { z } from 'zod';
import { codePoint, forbiddenCharacters } from './control-characters';

export interface DisplayTextOptions {
  /** What the field is called in the form, for "<label> is required". */
  label: string;
  max: number;
  /** Refuse an empty value: true says "<label> is required", a string says it differently. */
  required?: boolean | string;
  /** A textarea: tab and line breaks are kept. */
  multiline?: boolean;
}

/**
 * The schema of every human-readable name and description (clients, scopes,
 * organizations, API keys, users): trimmed, within a length, and free of control and
 * text-direction characters (control-characters.ts says which and why). Chain
 * `.default('')` for optional fields.
 */
export function displayText({ label, max, required = false, multiline = false }: DisplayTextOptions) {
  const text = z.string().trim();
  const filled = required ? text.min(1, typeof required === 'string' ? required : `${label} is required`) : text;
  return filled.max(max, `Use at most ${max} characters`).superRefine((value, ctx) => {
    const found = forbiddenCharacters(value, { multiline });
    if (found.length)
      ctx.addIssue({ code: 'custom', message: `Remove control or text-direction characters (${found.slice(0, 5).map(codePoint).join(', ')}${found.length > 5 ? ', …' : ''})` });
  });
}
