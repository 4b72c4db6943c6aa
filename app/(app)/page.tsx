import { redirect } from 'next/navigation';
import { requirePageActor } from '@/lib/auth/session';
import { homePath } from '@/lib/auth/roles';

export default async function Home() {
  const actor = await requirePageActor();
  redirect(homePath(actor.grants));
}
