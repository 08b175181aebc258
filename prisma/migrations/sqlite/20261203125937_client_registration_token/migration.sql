-- AlterTable
ALTER TABLE "oauth_clients" ADD COLUMN "registration_token_digest" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "oauth_clients_registration_token_digest_key" ON "oauth_clients"("registration_token_digest");
