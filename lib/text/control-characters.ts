/**
 * Characters no name or description needs, and that make text lie when shown:
 * C0 and C1 controls (U+0000–U+001F, U+007F–U+009F) and the explicit bidirectional
 * formatting characters (Unicode UAX #9 §2.1–2.2): embeddings and overrides
 * U+202A–U+202E, isolates U+2066–U+2069. An override in a client's name reverses the
 * words after it on the consent page (the trick CVE-2021-42574, "Trojan Source", plays
 * on source code).
 *
 * The implicit marks U+200E, U+200F and U+061C stay allowed: they only settle the
 * direction of neutral characters next to them (a digit or a bracket after a Hebrew or
 * Arabic word), cannot reorder strong text, and real right-to-left names need them.
 * Pages show these values isolated (`<bdi>`), so a mark cannot reach past its value.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL_OR_BIDI = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/** Multi-line fields keep tab and line breaks. */
const LINE_BREAKS_AND_TABS = new Set(['\t', '\n', '\r']);

export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The forbidden characters in `value`, once each, in the order they appear. */
export function forbiddenCharacters(value: string, { multiline = false } = {}): string[] {
  const found = (value.match(CONTROL_OR_BIDI) ?? []).filter((char) => !(multiline && LINE_BREAKS_AND_TABS.has(char)));
  return [...new Set(found)];
}

/**
 * A stored value put into a plain-text message (a toast, an error description): the
 * forbidden characters removed, so a row saved before the rule cannot turn the rest of
 * the message around.
 */
export function withoutControls(value: string): string {
  return value.replace(CONTROL_OR_BIDI, '');
}

/** The forbidden characters written out as `\u202E`, for where they are evidence (the audit log). */
export function revealControls(value: string): string {
  return value.replace(CONTROL_OR_BIDI, (char) => (LINE_BREAKS_AND_TABS.has(char) ? char : `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`));
}
