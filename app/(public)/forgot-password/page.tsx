// "Wachtwoord vergeten?": the same answer whether or not an account exists.
import { recoveryRequestMetadata, RecoveryRequestPage } from '@/components/recovery/recovery-request-page';

export function generateMetadata() {
  return recoveryRequestMetadata('password');
}

export default function ForgotPasswordPage() {
  return <RecoveryRequestPage kind="password" />;
}
