/** Where a request on the account page came from, for its security events. */
export interface RequestContext {
  address: string;
  userAgent: string;
}

/** The signed-in person making a change, and the session they make it from. */
export interface AccountActor {
  userId: string;
  email: string;
  sessionId: string;
  sessionUid: string;
}
