-- AlterTable
ALTER TABLE "oauth_clients" ADD COLUMN     "owner_api_key_id" TEXT,
ADD COLUMN     "registered_by" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "allowed_grant_types" TEXT,
ADD COLUMN     "allowed_redirect_hosts" TEXT,
ADD COLUMN     "allowed_scopes" TEXT,
ADD COLUMN     "max_clients" INTEGER,
ADD COLUMN     "organization_id" TEXT,
ADD COLUMN     "writes_per_minute" INTEGER NOT NULL DEFAULT 60;

-- CreateIndex
CREATE INDEX "oauth_clients_owner_api_key_id_idx" ON "oauth_clients"("owner_api_key_id");

-- Who registered the clients that exist already, from the audit log. Their owner key stays
-- null (clients registered before ownership are managed from the console and the CLI only).
UPDATE "oauth_clients" SET "registered_by" = COALESCE((
  SELECT "actor_label" FROM "audit_events"
  WHERE "audit_events"."target_type" = 'client' AND "audit_events"."target_id" = "oauth_clients"."client_id" AND "audit_events"."action" = 'client.created'
  ORDER BY "audit_events"."occurred_at" LIMIT 1
), '');
UPDATE "oauth_clients" SET "registered_by" = 'Thalamus setup' WHERE "is_default" = true;
