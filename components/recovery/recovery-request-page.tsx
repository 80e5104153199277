// The body of the two "forgot" pages (password, username): heading, what happens,
// the request form, and the ways on (the other forgot page, back to sign-in).
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RecoveryMessages } from './recovery-messages';
import { RecoveryRequestForm, type RecoveryRequestKind } from './recovery-request-form';

const PAGES = {
  password: { title: 'forgotPasswordTitle', intro: 'forgotPasswordIntro', other: '/forgot-username', otherLink: 'forgotUsernameLink' },
  username: { title: 'forgotUsernameTitle', intro: 'forgotUsernameIntro', other: '/forgot-password', otherLink: 'forgotPasswordLink' },
} as const;

export async function recoveryRequestMetadata(kind: RecoveryRequestKind): Promise<Metadata> {
  const t = await getTranslations('Recovery');
  return { title: t(PAGES[kind].title) };
}

export async function RecoveryRequestPage({ kind }: { kind: RecoveryRequestKind }) {
  const t = await getTranslations('Recovery');
  const page = PAGES[kind];
  const titleId = `forgot-${kind}-title`;
  return (
    <section aria-labelledby={titleId} className="max-w-2xl space-y-6">
      <h1 id={titleId} className="text-3xl font-bold">
        {t(page.title)}
      </h1>
      <p>{t(page.intro)}</p>
      <RecoveryMessages>
        <RecoveryRequestForm kind={kind} />
      </RecoveryMessages>
      <ul className="space-y-1">
        <li>
          <Link href={page.other}>{t(page.otherLink)}</Link>
        </li>
        <li>
          <Link href="/login">{t('backToSignIn')}</Link>
        </li>
      </ul>
    </section>
  );
}
