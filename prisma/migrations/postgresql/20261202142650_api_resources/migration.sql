-- AlterTable
ALTER TABLE "oauth_clients" ADD COLUMN     "default_resource" TEXT;

-- AlterTable
ALTER TABLE "scopes" ADD COLUMN     "resource_id" TEXT;

-- CreateTable
CREATE TABLE "api_resources" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "access_token_format" TEXT NOT NULL DEFAULT 'jwt',
    "access_token_lifetime" INTEGER NOT NULL DEFAULT 3600,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "api_resources_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_resources_identifier_key" ON "api_resources"("identifier");

-- CreateIndex
CREATE INDEX "scopes_resource_id_idx" ON "scopes"("resource_id");

-- AddForeignKey
ALTER TABLE "scopes" ADD CONSTRAINT "scopes_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "api_resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
