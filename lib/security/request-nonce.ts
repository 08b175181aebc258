import { headers } from 'next/headers';
import { NONCE_HEADER } from './content-security-policy';

/** This response's script nonce, for an inline <script> of our own (set by proxy.ts). */
export async function requestNonce(): Promise<string | undefined> {
  return (await headers()).get(NONCE_HEADER) ?? undefined;
}
