// "Gebruikersnaam vergeten?": the usernames of an address, mailed to that address.
import { recoveryRequestMetadata, RecoveryRequestPage } from '@/components/recovery/recovery-request-page';

export function generateMetadata() {
  return recoveryRequestMetadata('username');
}

export default function ForgotUsernamePage() {
  return <RecoveryRequestPage kind="username" />;
}
