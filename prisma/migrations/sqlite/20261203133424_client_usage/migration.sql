-- AlterTable
ALTER TABLE "client_secrets" ADD COLUMN "last_used_at" DATETIME;

-- CreateTable
CREATE TABLE "client_usage" (
    "client_id" TEXT NOT NULL PRIMARY KEY,
    "last_used_at" DATETIME NOT NULL,
    CONSTRAINT "client_usage_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "oauth_clients" ("client_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "client_usage_last_used_at_idx" ON "client_usage"("last_used_at");
