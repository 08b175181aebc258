-- AlterTable
ALTER TABLE "oauth_clients" ADD COLUMN     "jwks_uri" TEXT;
