-- AlterTable
ALTER TABLE "oauth_clients" ADD COLUMN     "access_token_lifetime" INTEGER,
ADD COLUMN     "allowed_cors_origins" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "id_token_lifetime" INTEGER,
ADD COLUMN     "jwks" TEXT,
ADD COLUMN     "refresh_token_absolute_lifetime" INTEGER,
ADD COLUMN     "refresh_token_idle_lifetime" INTEGER,
ADD COLUMN     "refresh_token_reuse_grace" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refresh_token_rotation" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "require_dpop" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "require_par" BOOLEAN NOT NULL DEFAULT false;
