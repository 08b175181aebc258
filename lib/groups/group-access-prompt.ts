import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { isAllowedByGroups } from './user-groups';

/** The hosted page's step for a user outside a client's "Allowed groups". */
export const GROUP_ACCESS_PROMPT = 'group_access';

/**
 * A prompt after sign-in, before consent: when the client is limited to members of some
 * groups and the signed-in user is in none of them, the interaction stops on a page that
 * says so, and the client gets `access_denied` (RFC 6749 §4.1.2.1) when the user goes
 * back. Being a check of the policy rather than of the sign-in form, it holds for a user
 * who is signed in already (single sign-on) too; with `prompt=none` the client gets
 * `interaction_required` at once (OIDC Core §3.1.2.6).
 */
export function groupAccessPrompt() {
  const { Prompt, Check } = interactionPolicy;
  return new Prompt(
    { name: GROUP_ACCESS_PROMPT, requestable: false },
    new Check('not_in_allowed_groups', 'The user is not a member of a group allowed to use this client', async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return Check.NO_NEED_TO_PROMPT;
      const db = await getDb();
      const client = await db.oAuthClient.findUnique({ where: { clientId }, select: { allowedGroups: true } });
      return (await isAllowedByGroups(db, client?.allowedGroups ?? null, accountId)) ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
}
