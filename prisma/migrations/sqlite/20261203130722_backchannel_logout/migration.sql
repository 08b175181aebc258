-- AlterTable
ALTER TABLE "oauth_clients" ADD COLUMN "backchannel_logout_uri" TEXT;

-- CreateTable
CREATE TABLE "backchannel_logouts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "client_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "sid" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT NOT NULL DEFAULT '',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" DATETIME
);

-- CreateIndex
CREATE INDEX "backchannel_logouts_status_next_attempt_at_idx" ON "backchannel_logouts"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "backchannel_logouts_created_at_idx" ON "backchannel_logouts"("created_at");
