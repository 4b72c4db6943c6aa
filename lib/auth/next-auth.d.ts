import 'next-auth';
import 'next-auth/jwt';
import type { Grant } from './roles';

declare module 'next-auth' {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null };
    grants?: Grant[];
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: string;
    grants?: Grant[];
  }
}
