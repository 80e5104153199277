// Every page of the portal needs a signed-in account; without one, sign-in comes first and brings
// the patron back. The data functions and actions check the session again themselves (P3).
import { headers } from 'next/headers';
import { requireAccount } from '@/lib/auth/session';

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get('x-portal-path') ?? '/overview';
  await requireAccount(path);
  return <>{children}</>;
}
