import NextAuth from 'next-auth';
import { authOptions } from '@/lib/console/auth-options';

// The console's sign-in endpoints (next-auth): /api/auth/signin, /callback/thalamus, /signout, /session.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, await authOptions());
}

export { handler as GET, handler as POST };
