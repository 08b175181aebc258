import { NextResponse, type NextRequest } from 'next/server';
import { isCrossSiteWrite } from '@/lib/http/cross-site';

/**
 * Console changes and hosted sign-in steps are server actions: POSTs that carry the
 * admin's or user's cookies. One sent from another site (cross-site request forgery,
 * or login CSRF on the sign-in form) is refused here with a plain 403 before any
 * action runs. The protocol endpoints (/oauth/*) are not matched: relying parties
 * legitimately post to them from their own origins.
 */
export function proxy(request: NextRequest) {
  if (isCrossSiteWrite(request)) {
    return NextResponse.json({ error: 'forbidden', error_description: 'Cross-site requests are not accepted' }, { status: 403 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/console/:path*', '/interaction/:path*'],
};
