-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_oauth_clients" (
    "client_id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "organization_id" TEXT NOT NULL,
    "client_type" TEXT NOT NULL DEFAULT 'custom',
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "application_type" TEXT NOT NULL DEFAULT 'web',
    "token_endpoint_auth_method" TEXT NOT NULL DEFAULT 'client_secret_basic',
    "redirect_uris" TEXT NOT NULL DEFAULT '[]',
    "post_logout_redirect_uris" TEXT NOT NULL DEFAULT '[]',
    "grant_types" TEXT NOT NULL DEFAULT '[]',
    "response_types" TEXT NOT NULL DEFAULT '[]',
    "scopes" TEXT NOT NULL DEFAULT '[]',
    "require_consent" BOOLEAN NOT NULL DEFAULT false,
    "require_pkce" BOOLEAN NOT NULL DEFAULT true,
    "logo_uri" TEXT,
    "access_token_format" TEXT NOT NULL DEFAULT 'jwt',
    "owner_api_key_id" TEXT,
    "registered_by" TEXT NOT NULL DEFAULT '',
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL,
    CONSTRAINT "oauth_clients_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_oauth_clients" ("access_token_format", "application_type", "client_id", "client_type", "created_at", "description", "enabled", "grant_types", "is_default", "logo_uri", "name", "organization_id", "post_logout_redirect_uris", "redirect_uris", "require_consent", "require_pkce", "response_types", "scopes", "token_endpoint_auth_method", "updated_at") SELECT "access_token_format", "application_type", "client_id", "client_type", "created_at", "description", "enabled", "grant_types", "is_default", "logo_uri", "name", "organization_id", "post_logout_redirect_uris", "redirect_uris", "require_consent", "require_pkce", "response_types", "scopes", "token_endpoint_auth_method", "updated_at" FROM "oauth_clients";
DROP TABLE "oauth_clients";
ALTER TABLE "new_oauth_clients" RENAME TO "oauth_clients";
CREATE INDEX "oauth_clients_owner_api_key_id_idx" ON "oauth_clients"("owner_api_key_id");
CREATE INDEX "oauth_clients_name_idx" ON "oauth_clients"("name");
CREATE INDEX "oauth_clients_organization_id_idx" ON "oauth_clients"("organization_id");
CREATE INDEX "oauth_clients_created_at_idx" ON "oauth_clients"("created_at");
CREATE TABLE "new_api_keys" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "scopes" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "allowed_grant_types" TEXT,
    "allowed_scopes" TEXT,
    "allowed_redirect_hosts" TEXT,
    "organization_id" TEXT,
    "max_clients" INTEGER,
    "writes_per_minute" INTEGER NOT NULL DEFAULT 60,
    "created_by_id" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" DATETIME,
    "expires_at" DATETIME,
    "revoked_at" DATETIME
);
INSERT INTO "new_api_keys" ("created_at", "created_by_id", "description", "digest", "expires_at", "hint", "id", "last_used_at", "name", "revoked_at", "scopes") SELECT "created_at", "created_by_id", "description", "digest", "expires_at", "hint", "id", "last_used_at", "name", "revoked_at", "scopes" FROM "api_keys";
DROP TABLE "api_keys";
ALTER TABLE "new_api_keys" RENAME TO "api_keys";
CREATE UNIQUE INDEX "api_keys_digest_key" ON "api_keys"("digest");
CREATE INDEX "api_keys_created_at_idx" ON "api_keys"("created_at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Who registered the clients that exist already, from the audit log. Their owner key stays
-- null (clients registered before ownership are managed from the console and the CLI only).
UPDATE "oauth_clients" SET "registered_by" = COALESCE((
  SELECT "actor_label" FROM "audit_events"
  WHERE "audit_events"."target_type" = 'client' AND "audit_events"."target_id" = "oauth_clients"."client_id" AND "audit_events"."action" = 'client.created'
  ORDER BY "audit_events"."occurred_at" LIMIT 1
), '');
UPDATE "oauth_clients" SET "registered_by" = 'Thalamus setup' WHERE "is_default" = true;
