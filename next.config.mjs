/** @type {import('next').NextConfig} */
const nextConfig = {
  // oidc-provider is ESM-only and keeps module state (its Koa app, caches): load it
  // from node_modules at run time instead of bundling it. The database drivers are
  // native or wasm-backed and must not be bundled either.
  serverExternalPackages: [
    'oidc-provider',
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    '@prisma/client',
    'pg',
    'bcryptjs',
    'argon2',
    'pino',
    'pino-pretty',
    'prom-client',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: 'tsconfig.json' },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // Nothing about these pages (interaction IDs, console paths) reaches another site; on
          // this site, a plain HTML form post still carries its Origin (Fetch §3.2.5).
          { key: 'Referrer-Policy', value: 'same-origin' },
          // Sign-in pages must never be framed (clickjacking, RFC 6749 §10.13).
          { key: 'X-Frame-Options', value: 'DENY' },
          // The pages get a stricter, nonce-based policy from proxy.ts
          // (lib/security/content-security-policy.ts); this one covers JSON and the
          // provider's own pages.
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
        ],
      },
      {
        // The pages emailed links open carry the link's token in their URL (and so do the
        // forms on them): the Referer of anything they load or lead to is the origin only,
        // never the URL. Not no-referrer: under it browsers send `Origin: null` with a plain
        // form post, which the server-action CSRF check refuses, and these forms must work
        // without JavaScript (Referrer Policy §3, Fetch §3.1).
        source: '/:area(password|invitation)/:path*',
        headers: [{ key: 'Referrer-Policy', value: 'strict-origin' }],
      },
      {
        // Behind a TLS proxy (X-Forwarded-Proto: https), every response carries HSTS; the
        // value and the reasons are in lib/security/strict-transport.ts, which proxy.ts
        // also applies to the pages when APP_URL is https.
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https(?:\\s*,.*)?' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }],
      },
    ];
  },
};

export default nextConfig;
