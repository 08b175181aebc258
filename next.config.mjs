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
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
