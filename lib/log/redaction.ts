/**
 * Fields blanked in every log line, at the top level and one object down (pino's
 * fast-redact paths): whatever a caller passes by mistake, a credential never reaches
 * the log. Credentials of OAuth (RFC 6749 §2.3, §4.1.2, §10.3–10.4; RFC 7636; RFC 7523),
 * of the admin API and of people.
 */
const SECRET_FIELDS = [
  'password',
  'current',
  'confirm',
  'passwordHash',
  'password_hash',
  'secret',
  'client_secret',
  'clientSecret',
  'client_assertion',
  'code',
  'code_verifier',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'registration_access_token',
  'authorization',
  'cookie',
  'set-cookie',
  'api_key',
  'apiKey',
  'key',
  'link',
  'totp',
  'totpSecret',
  'recovery_code',
  'otp',
];

export const REDACTED_PATHS = SECRET_FIELDS.flatMap((field) => [`["${field}"]`, `*["${field}"]`]);
