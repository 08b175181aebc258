/**
 * Authentication method references of a passkey (RFC 8176 §2): "hwk" for a key held by
 * one device (a security key, a platform authenticator), "swk" for a synced passkey whose
 * private key a password manager copies between devices. A user-verifying passkey is two
 * factors in one (possession, and the PIN or biometric that unlocked it), so "mfa" too.
 */
export function passkeyAmr(deviceType: string, userVerified: boolean): string[] {
  const key = deviceType === 'multiDevice' ? 'swk' : 'hwk';
  return userVerified ? [key, 'mfa'] : [key];
}

/** Whether a sign-in's methods include a passkey. */
export function usedPasskey(amr: string[]): boolean {
  return amr.includes('hwk') || amr.includes('swk');
}
