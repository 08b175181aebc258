-- AlterTable
ALTER TABLE "oidc_models" ADD COLUMN     "client_id" TEXT;

-- CreateTable
CREATE TABLE "scopes" (
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "scopes_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "oidc_models_client_id_idx" ON "oidc_models"("client_id");
