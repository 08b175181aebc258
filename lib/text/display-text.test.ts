import { describe, expect, it } from 'vitest';
import { displayText } from './display-text';
import { revealControls, withoutControls } from './control-characters';

const name = displayText({ label: 'Client Name', max: 20, required: true });
const description = displayText({ label: 'Description', max: 50, multiline: true }).default('');

function problem(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error!.issues.map((i) => i.message).join('; ');
}

describe('displayText', () => {
  it('accepts ordinary text in any script, trimmed', () => {
    expect(name.parse('  My App  ')).toBe('My App');
    expect(name.parse('Ünïcødé 日本語')).toBe('Ünïcødé 日本語');
    expect(name.parse('אפליקציה')).toBe('אפליקציה');
  });

  it('keeps the implicit direction marks right-to-left names need', () => {
    expect(name.parse('שלום\u200F 2')).toBe('שלום\u200F 2');
    expect(name.parse('تطبيق\u061C 1')).toBe('تطبيق\u061C 1');
    expect(name.parse('\u200Eabc')).toBe('\u200Eabc');
  });

  // What displayText refuses, by the name each case is reported under, as code points.
  const directionControls = { 'right-to-left override': 0x202e, 'left-to-right override': 0x202d, embedding: 0x202a, 'pop directional formatting': 0x202c };
  const isolates = { 'first strong isolate': 0x2068, 'pop directional isolate': 0x2069 };
  const controls = { NUL: 0x00, escape: 0x1b, DEL: 0x7f, 'C1 next line': 0x85, 'C1 control': 0x9f };
  const oneLineOnly = { 'newline in a one-line field': 0x0a, 'tab in a one-line field': 0x09 };
  const named = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

  it.each(Object.entries({ ...directionControls, ...isolates, ...controls, ...oneLineOnly }))('refuses a %s, naming it', (_what, codePoint) => {
    expect(problem(name, `Pay${String.fromCodePoint(codePoint)}yalp`)).toBe(`Remove control or text-direction characters (${named(codePoint)})`);
  });

  it('names each character found once', () => {
    expect(problem(name, '\u202Eab\u0000c\u202E')).toBe('Remove control or text-direction characters (U+202E, U+0000)');
  });

  it('lets multi-line fields keep line breaks and tabs, and nothing else', () => {
    expect(description.parse('line one\r\nline two\tend')).toBe('line one\r\nline two\tend');
    expect(problem(description, 'line one\n\u202Eline two')).toBe('Remove control or text-direction characters (U+202E)');
    expect(problem(description, 'bell\u0007')).toBe('Remove control or text-direction characters (U+0007)');
    expect(description.parse(undefined)).toBe('');
  });

  it('checks length and presence with the label', () => {
    expect(problem(name, '   ')).toBe('Client Name is required');
    expect(problem(name, 'x'.repeat(21))).toBe('Use at most 20 characters');
    expect(problem(displayText({ label: 'Description', max: 10, required: 'Describe it' }), '')).toBe('Describe it');
    expect(problem(name, 42)).toBeDefined();
  });
});

describe('withoutControls', () => {
  it('drops what displayText refuses, so a stored value cannot turn a message around', () => {
    expect(withoutControls('Pay\u202Elpa\u0000 \u2066x\u2069')).toBe('Paylpa x');
    expect(withoutControls('שלום\u200F')).toBe('שלום\u200F');
  });
});

describe('revealControls', () => {
  it('writes the forbidden characters out, keeping line breaks', () => {
    expect(revealControls('Pay\u202Elpa\u0000\nnext\u0085')).toBe('Pay\\u202Elpa\\u0000\nnext\\u0085');
  });
});
