import { Secret, TOTP } from 'otpauth';

/** What an authenticator app would show for this setup key, `stepsAhead` periods from now. */
export function authenticatorCode(setupKey: string, stepsAhead = 0): string {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(setupKey.replace(/\s+/g, '')) });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}
