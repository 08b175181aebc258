import { describe, expect, it } from 'vitest';
import { prefersJson } from './unknown-path';

describe('prefersJson', () => {
  it('is true for clients that ask for JSON, and false for browsers and for no preference', () => {
    expect(prefersJson('application/json')).toBe(true);
    expect(prefersJson('application/problem+json, */*;q=0.1')).toBe(true);
    expect(prefersJson('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(false);
    expect(prefersJson('*/*')).toBe(false);
    expect(prefersJson('')).toBe(false);
  });
});
