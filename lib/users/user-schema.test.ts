import { describe, expect, it } from 'vitest';
import { fieldProblems } from '@/lib/errors/service-error';
import { PICTURE_URL_MAX } from './picture-url';
import { userProfileSchema, userSchema } from './user-schema';

function pictureProblem(picture: string) {
  const result = userProfileSchema.safeParse({ picture });
  return result.success ? undefined : fieldProblems(result.error);
}

describe('the picture URL rule', () => {
  it('accepts https URLs, http only on localhost, and "" to clear', () => {
    for (const url of [
      'https://cdn.example.com/avatars/ada.png?size=128',
      'https://xn--bcher-kva.example/me.jpg',
      'http://localhost:3000/me.png',
      'http://127.0.0.1/me.png',
      'http://[::1]:8080/a',
      '',
    ]) {
      expect(pictureProblem(url), url).toBeUndefined();
    }
    expect(userProfileSchema.parse({ picture: '  https://example.com/a.png  ' }).picture).toBe('https://example.com/a.png');
  });

  it('refuses schemes that run or read something locally, and plain http elsewhere, as a field error', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:image/png;base64,iVBORw0KGgo=',
      'file:///etc/passwd',
      'vbscript:msgbox',
      'blob:https://example.com/1',
      'http://example.com/me.png',
      'ftp://example.com/me.png',
    ]) {
      expect(pictureProblem(url), url).toEqual([{ path: 'picture', message: 'Use an https:// URL (http:// only for localhost)' }]);
    }
  });

  it('refuses what is not a full URL, hidden characters, credentials and overlong URLs', () => {
    expect(pictureProblem('/avatars/ada.png')).toEqual([{ path: 'picture', message: 'Enter a full URL, e.g. https://example.com/me.png' }]);
    expect(pictureProblem('https://example.com/a\nb.png')?.[0]?.message).toBe('Remove spaces and control characters from the URL');
    expect(pictureProblem('https://example.com/\u202Egnp.exe')?.[0]?.message).toBe('Remove spaces and control characters from the URL');
    expect(pictureProblem('https://ada:secret@example.com/me.png')?.[0]?.message).toBe('Remove the user name and password from the URL');
    const long = `https://example.com/${'a'.repeat(PICTURE_URL_MAX)}`;
    expect(pictureProblem(long)?.[0]?.message).toBe(`Use at most ${PICTURE_URL_MAX} characters`);
    expect(pictureProblem(long.slice(0, PICTURE_URL_MAX))).toBeUndefined();
  });
});

describe('userProfileSchema', () => {
  it('changes only the fields given, with the name rules of a new user', () => {
    expect(userProfileSchema.parse({ nickname: ' ada ' })).toEqual({ nickname: 'ada' });
    expect(userProfileSchema.parse({})).toEqual({});
    expect(fieldProblems(userProfileSchema.safeParse({ name: 'x'.repeat(201) }).error!)).toEqual([{ path: 'name', message: 'Use at most 200 characters' }]);
    expect(userProfileSchema.safeParse({ name: 'Ada\u202E' }).success).toBe(false);
  });

  it('refuses fields that are not part of the profile', () => {
    expect(userProfileSchema.safeParse({ name: 'Ada', role: 'super_admin' }).success).toBe(false);
    expect(userProfileSchema.safeParse({ email: 'other@example.test' }).success).toBe(false);
  });

  it('is the same rule when a user is created', () => {
    const base = { email: 'ada@example.test', password: 'a long enough password' };
    expect(userSchema.parse(base).picture).toBe('');
    expect(userSchema.safeParse({ ...base, picture: 'javascript:alert(1)' }).success).toBe(false);
  });
});
