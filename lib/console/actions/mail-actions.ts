'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { retryMail, sendTestMail } from '@/lib/mail/mail-admin';

const revalidate = '/console/settings/email';

export const sendTestMailAction = adminAction({ revalidate, args: [z.unknown()] }, async ([input], { actor }) => sendTestMail(await getDb(), input, actor));

export const retryMailAction = adminAction({ revalidate, args: [z.string().min(1).max(64)] }, async ([id], { actor }) => {
  await retryMail(await getDb(), id, actor);
});
