import { issuer } from '@/lib/config/env';

/** The resource Thalamus's own API answers to; the default audience of client_credentials tokens (RFC 8707). */
export function defaultResource(): string {
  return `${issuer()}/api`;
}
