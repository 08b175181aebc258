-- AlterTable
ALTER TABLE "oauth_clients" ADD COLUMN "default_resource" TEXT;

-- CreateTable
CREATE TABLE "api_resources" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "access_token_format" TEXT NOT NULL DEFAULT 'jwt',
    "access_token_lifetime" INTEGER NOT NULL DEFAULT 3600,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_scopes" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "description" TEXT NOT NULL,
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "resource_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "scopes_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "api_resources" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_scopes" ("built_in", "created_at", "description", "name", "updated_at") SELECT "built_in", "created_at", "description", "name", "updated_at" FROM "scopes";
DROP TABLE "scopes";
ALTER TABLE "new_scopes" RENAME TO "scopes";
CREATE INDEX "scopes_resource_id_idx" ON "scopes"("resource_id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "api_resources_identifier_key" ON "api_resources"("identifier");
