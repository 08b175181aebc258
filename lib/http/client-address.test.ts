import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

// Next's server appends the TCP peer to X-Forwarded-For before Thalamus sees the request.
const from = (xff: string | null) => ({ headers: new Headers(xff === null ? {} : { 'x-forwarded-for': xff }) });

describe('the client address the limits count', () => {
  it('is the TCP peer when Thalamus faces the clients directly, whatever they claim', () => {
    expect(clientAddress(from('203.0.113.9'), 0)).toBe('203.0.113.9');
    expect(clientAddress(from('10.9.9.9, 203.0.113.9'), 0)).toBe('203.0.113.9');
  });

  it('is the address the trusted proxy saw, behind one proxy', () => {
    // client 198.51.100.7 → nginx (appends it) → Next (appends nginx 10.0.0.2)
    expect(clientAddress(from('198.51.100.7, 10.0.0.2'), 1)).toBe('198.51.100.7');
    // A client that sends its own header cannot pick its address.
    expect(clientAddress(from('1.2.3.4, 198.51.100.7, 10.0.0.2'), 1)).toBe('198.51.100.7');
  });

  it('writes an IPv4 client seen on an IPv6 socket as IPv4', () => {
    expect(clientAddress(from('::ffff:203.0.113.9'), 0)).toBe('203.0.113.9');
    expect(clientAddress(from('2001:db8::1'), 0)).toBe('2001:db8::1');
  });

  it('falls back to the leftmost entry when fewer hops are present than configured', () => {
    expect(clientAddress(from('10.0.0.2'), 2)).toBe('10.0.0.2');
    expect(clientAddress(from(null), 1)).toBe('127.0.0.1');
  });
});
