import { describe, expect, it } from 'vitest';
import { issuer } from '@/lib/config/env';
import { lacksSameOriginProof } from './cross-site';

const own = new URL(issuer()).origin;
const post = (headers: Record<string, string>) => new Request(`${own}/console/clients`, { method: 'POST', headers });

describe('lacksSameOriginProof', () => {
  it('lets a write from this origin through', () => {
    expect(lacksSameOriginProof(post({ origin: own }))).toBe(false);
  });

  it('refuses a foreign origin, whatever Sec-Fetch-Site claims', () => {
    expect(lacksSameOriginProof(post({ origin: 'https://evil.example' }))).toBe(true);
    expect(lacksSameOriginProof(post({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }))).toBe(true);
  });

  it('refuses "null" and a missing Origin unless the browser says same-origin', () => {
    expect(lacksSameOriginProof(post({ origin: 'null' }))).toBe(true);
    expect(lacksSameOriginProof(post({}))).toBe(true);
    expect(lacksSameOriginProof(post({ 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(lacksSameOriginProof(post({ origin: 'null', 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(lacksSameOriginProof(post({ 'sec-fetch-site': 'same-origin' }))).toBe(false);
  });

  it('never refuses a safe method', () => {
    expect(lacksSameOriginProof(new Request(`${own}/console`, { headers: { origin: 'https://evil.example' } }))).toBe(false);
  });
});
