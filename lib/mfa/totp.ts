import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * Time-based one-time passwords (RFC 6238): SHA-1, 6 digits, 30-second steps, the
 * parameters every authenticator app supports. One step of clock drift either way is
 * accepted (§5.2); the caller rejects a step it has already accepted.
 */
const PERIOD = 30;
const ISSUER = 'Thalamus';

function totp(secret: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** 160 random bits, the key length RFC 4226 §4 recommends, base32 for manual entry. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpProvisioningUri(secret: string, accountName: string): string {
  return totp(secret, accountName).toString();
}

export function totpQrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** The time step a code matches, or undefined. */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totp(secret, 'check').validate({ token, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

/** The code for a given time (used by tests and by the enrollment check). */
export function totpCodeAt(secret: string, timestamp: number): string {
  return totp(secret, 'code').generate({ timestamp });
}
