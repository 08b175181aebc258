'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { acceptInvitation } from '@/lib/account-links/invitation';
import { INVITATION_DONE_PATH } from '@/lib/account-links/link-paths';
import type { LinkFormState } from '@/lib/account-links/link-form-state';
import { field, formStateFor, requestContext } from '@/lib/account-links/link-actions-support';

// A public endpoint: it validates its own input (the token, the password choice).

/** "Set password" on the page an invitation link opens. */
export async function acceptInvitationAction(_previous: LinkFormState, form: FormData): Promise<LinkFormState> {
  try {
    await acceptInvitation(await getDb(), field(form, 'token'), { password: field(form, 'password'), confirm: field(form, 'confirm') }, await requestContext());
  } catch (error) {
    return formStateFor(error);
  }
  redirect(INVITATION_DONE_PATH);
}
