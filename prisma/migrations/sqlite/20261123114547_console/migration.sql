-- AlterTable
ALTER TABLE "oidc_models" ADD COLUMN "client_id" TEXT;

-- CreateTable
CREATE TABLE "scopes" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "description" TEXT NOT NULL,
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "oidc_models_client_id_idx" ON "oidc_models"("client_id");
