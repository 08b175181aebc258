/** Values scripts/test.mjs hands to both the server and the tests. */
export const baseURL = `http://127.0.0.1:${process.env.THALAMUS_TEST_PORT ?? 3210}`;

export const adminClient = {
  id: 'thalamus_admin_client',
  secret: required('THALAMUS_ADMIN_CLIENT_SECRET'),
};

export const syncClient = {
  id: 'thalamus_sync_client',
  secret: required('THALAMUS_SYNC_CLIENT_SECRET'),
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`npm test\``);
  return value;
}

export function basicAuth(id: string, secret: string): string {
  // RFC 6749 §2.3.1: form-urlencode, then base64.
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}
