import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CONSOLE_CLIENT_ID } from './default-clients';
import { getClient } from './get-client';
import { updateClient } from './update-client';

afterAll(closeDb);

const actor = { type: 'cli' as const, label: 'test' };

// scripts/test.mjs has run `thalamus setup` with a plain-http APP_URL, as on a developer's machine.
describe('updateClient', () => {
  it("edits the console's own client although its redirect URIs follow a plain-http APP_URL", async () => {
    const db = await getDb();
    const before = await getClient(db, CONSOLE_CLIENT_ID);
    expect(before.redirect_uris.every((uri) => uri.startsWith('http://'))).toBe(true);
    const edited = await updateClient(db, CONSOLE_CLIENT_ID, { description: 'Signs administrators in to this console' }, actor);
    expect(edited.description).toBe('Signs administrators in to this console');
    await updateClient(db, CONSOLE_CLIENT_ID, { description: before.description }, actor);
  });

  it('holds every other client to the redirect-URI policy when it is edited', async () => {
    const db = await getDb();
    await expect(updateClient(db, 'thalamus-mobile-app', { redirect_uris: ['http://mobile.example.com/cb'] }, actor)).rejects.toMatchObject({
      fields: [{ path: 'redirect_uris[0]' }],
    });
  });

  it("refuses to require PAR or DPoP of the console's own client, which would lock administrators out", async () => {
    const db = await getDb();
    await expect(updateClient(db, CONSOLE_CLIENT_ID, { require_pushed_authorization_requests: true, dpop_bound_access_tokens: true }, actor)).rejects.toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'require_pushed_authorization_requests' }, { path: 'dpop_bound_access_tokens' }],
    });
    expect(await getClient(db, CONSOLE_CLIENT_ID)).toMatchObject({ require_pushed_authorization_requests: false, dpop_bound_access_tokens: false });
  });
});
