import type { Db } from '@/lib/db/client';
import { activityOn, everHappened, utcDay } from './activity-counts';

/** What the directory holds: registered clients (defaults apart) and users. */
export interface DirectoryCounts {
  clients: number;
  /** Clients an admin or a service registered, the five default clients not counted. */
  registeredClients: number;
  users: number;
}

export async function directoryCounts(db: Db): Promise<DirectoryCounts> {
  const [clients, registeredClients, users] = await Promise.all([db.oAuthClient.count(), db.oAuthClient.count({ where: { isDefault: false } }), db.user.count()]);
  return { clients, registeredClients, users };
}

/** What happened today (UTC): sign-ins, tokens issued at the token endpoint, and what failed. */
export interface TodayCounts {
  day: string;
  signIns: number;
  tokensIssued: number;
  failedSignIns: number;
  failedTokenRequests: number;
}

export async function todayCounts(db: Db, now = new Date()): Promise<TodayCounts> {
  const day = utcDay(now);
  const counts = await activityOn(db, day);
  return { day, signIns: counts.sign_in, tokensIssued: counts.token_issued, failedSignIns: counts.sign_in_failed, failedTokenRequests: counts.token_failed };
}

/** The getting-started checklist, each step ticked from what the database holds. */
export interface FirstSteps {
  apiKeyCreated: boolean;
  clientRegistered: boolean;
  /** Someone signed in to an application other than this console. */
  firstSignIn: boolean;
}

export async function firstSteps(db: Db): Promise<FirstSteps> {
  const [apiKeys, registered, firstSignIn] = await Promise.all([db.apiKey.count(), db.oAuthClient.count({ where: { isDefault: false } }), everHappened(db, 'app_sign_in')]);
  return { apiKeyCreated: apiKeys > 0, clientRegistered: registered > 0, firstSignIn };
}
