-- Per-client security settings (lib/clients/client-security-schema.ts)
ALTER TABLE "oauth_clients" ADD COLUMN "jwks" TEXT;
ALTER TABLE "oauth_clients" ADD COLUMN "require_par" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "oauth_clients" ADD COLUMN "require_dpop" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "oauth_clients" ADD COLUMN "refresh_token_rotation" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "oauth_clients" ADD COLUMN "refresh_token_reuse_grace" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "oauth_clients" ADD COLUMN "access_token_lifetime" INTEGER;
ALTER TABLE "oauth_clients" ADD COLUMN "id_token_lifetime" INTEGER;
ALTER TABLE "oauth_clients" ADD COLUMN "refresh_token_idle_lifetime" INTEGER;
ALTER TABLE "oauth_clients" ADD COLUMN "refresh_token_absolute_lifetime" INTEGER;
ALTER TABLE "oauth_clients" ADD COLUMN "allowed_cors_origins" TEXT NOT NULL DEFAULT '[]';
