import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

describe('safeCallbackPath', () => {
  it('keeps a path of the console, with its query', () => {
    expect(safeCallbackPath('/console/clients?q=billing')).toBe('/console/clients?q=billing');
  });

  it.each(['https://evil.example/console', '//evil.example/console', '/\\evil.example', '/console/../api/clients', '/docs/api', 'javascript:alert(1)', '', undefined])(
    'sends %s to the console home',
    (raw) => {
      expect(safeCallbackPath(raw)).toBe('/console');
    },
  );
});
