import { z } from 'zod';

/** A passkey's name: what its owner calls the device or password manager holding it. */
export const passkeyNameSchema = z.string({ error: 'Enter a name for the passkey' }).trim().min(1, 'Enter a name for the passkey').max(64, 'Use at most 64 characters');

const b64url = z
  .string()
  .regex(/^[\w-]*={0,2}$/, 'Not base64url')
  .max(16_384);

/**
 * What @simplewebauthn/browser hands back from navigator.credentials (the JSON shape of
 * WebAuthn §5.1, PublicKeyCredential.toJSON()). Checked for shape only: the signature,
 * challenge, origin and counter are checked by the verification itself.
 */
const credentialBase = z.object({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});

export const registrationResponseSchema = credentialBase.extend({
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    authenticatorData: b64url.optional(),
    transports: z
      .array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
      .max(8)
      .optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
  }),
});

export const authenticationResponseSchema = credentialBase.extend({
  response: z.object({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
});

export const registerPasskeySchema = z.object({ name: passkeyNameSchema, response: registrationResponseSchema });

export const passkeyIdSchema = z.object({ passkeyId: z.string().regex(/^[\w-]{1,64}$/, 'Unknown passkey') });
