import { describe, expect, it } from 'vitest';
import { passwordChoiceSchema, passwordPolicyProblem } from './password-policy';

describe('the password policy', () => {
  it('asks for at least 12 characters and takes any long, uncommon password', () => {
    expect(passwordPolicyProblem('short-pass1')).toMatch(/at least 12/);
    expect(passwordPolicyProblem('correct horse battery staple')).toBeUndefined();
    expect(passwordPolicyProblem('Tv9#kq2LmZ8!')).toBeUndefined();
  });

  it('refuses passwords from breach lists, also when padded or repeated', () => {
    for (const password of ['123qweasdzxc', 'qwerty123456', 'password1234', 'Password2024!', 'qwertyqwerty', 'aaaaaaaaaaaa', '!!dragon!!!!']) {
      expect(passwordPolicyProblem(password), password).toMatch(/too common/);
    }
  });

  it('refuses a password that contains the email address', () => {
    expect(passwordPolicyProblem('ada.lovelace-rocks', { email: 'ada.lovelace@example.com' })).toMatch(/email/);
  });

  it('reports a confirmation that does not match on the confirmation field', () => {
    const result = passwordChoiceSchema.safeParse({ password: 'correct horse battery staple', confirm: 'correct horse battery' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['confirm']);
  });
});
