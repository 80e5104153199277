// One card on the overview: overdue loans, loans due within 3 days, reservations ready for pick-up,
// what blocks renewing, the outstanding amount — each item links to its page — and the membership
// advice (R5/R7/R8) and R12 notice, linking to Info lidmaatschap.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatAmount } from '@/components/cards/format';
import { cardHref } from '@/components/cards/sections';
import { relativeDue } from '@/components/loans/relative-due';
import { RenewalAdviceText } from '@/components/memberships/renewal-advice';
import { formatDateOnly } from '@/lib/i18n/format';
import type { CardOverviewProps } from './types';

export async function CardAttention({ card }: { card: CardOverviewProps }) {
  const [t, locale] = await Promise.all([getTranslations('Overview'), getLocale()]);
  const date = (iso: string) => formatDateOnly(iso, locale);
  const amount = (cents: number) => formatAmount(cents, locale);
  const headingId = `card-${card.slug}`;
  const loanItems = async (loans: CardOverviewProps['overdue']) =>
    Promise.all(
      loans.map(async (loan) => (
        <li key={loan.id}>
          <Link href={`${cardHref(card.slug, 'loans')}?view=due`}>
            {t('loanDue', { title: loan.title, relative: await relativeDue(loan.due), date: date(loan.dueOn), library: loan.libraryName })}
          </Link>
        </li>
      )),
    );
  const nothing =
    card.overdue.length + card.dueSoon.length + card.ready.length + card.blockers.length + card.advice.length + card.guestHomeInvalid.length === 0 &&
    card.outstandingCents === 0;
  const group = (title: string, items: React.ReactNode) => (
    // A plain group under its h3, not a landmark: every card has the same groups, and landmarks
    // must have unique names.
    <div className="space-y-1">
      <h3 className="font-semibold">{title}</h3>
      <ul className="list-disc space-y-1 pl-5">{items}</ul>
    </div>
  );
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-line bg-surface p-4" data-card={card.slug}>
      <h2 id={headingId} className="text-xl font-bold">
        <Link href={cardHref(card.slug)}>{card.label}</Link>
      </h2>
      {nothing ? <p className="text-muted">{t('nothing')}</p> : null}
      {card.overdue.length > 0 ? group(t('overdue'), await loanItems(card.overdue)) : null}
      {card.dueSoon.length > 0 ? group(t('dueSoon'), await loanItems(card.dueSoon)) : null}
      {card.ready.length > 0
        ? group(
            t('ready'),
            card.ready.map((r) => (
              <li key={r.id}>
                <Link href={cardHref(card.slug, 'reservations')}>
                  {t('readyAt', { title: r.title, code: r.branchCode, branch: r.branchName, library: r.libraryName, date: date(r.readyUntil) })}
                </Link>
              </li>
            )),
          )
        : null}
      {card.blockers.length > 0
        ? group(
            t('blockers'),
            card.blockers.map((b) => {
              const key = b.kind === 'membership_expiring' || b.kind === 'guest_ending' ? `${b.kind}-${b.libraryName}` : b.kind;
              if (b.kind === 'fees') {
                return (
                  <li key={key}>
                    <Link href={cardHref(card.slug, 'fees')}>{t('feesBlock', { amount: amount(b.outstandingCents), threshold: amount(b.thresholdCents) })}</Link>
                  </li>
                );
              }
              const text =
                b.kind === 'no_active_membership'
                  ? t('noActiveMembership')
                  : b.kind === 'guest_ending'
                    ? t('guestEnding', { library: b.libraryName, date: date(b.endOn) })
                    : t('membershipExpiring', { library: b.libraryName, date: date(b.endOn) });
              return (
                <li key={key}>
                  <Link href="/memberships">{text}</Link>
                </li>
              );
            }),
          )
        : null}
      {card.advice.length + card.guestHomeInvalid.length > 0 ? (
        <div className="space-y-2" data-testid="membership-advice">
          <h3 className="font-semibold">{t('membershipAdvice')}</h3>
          {card.guestHomeInvalid.map((g) => (
            <p key={g.membershipId} data-testid="guest-r12">
              {t('guestInvalidAtRegistration', { library: g.libraryName, home: g.homeName ?? t('guestHomeUnknown', { isil: g.homeIsil }) })}
            </p>
          ))}
          {card.advice.map((a) => (
            <div key={a.patronId} className="space-y-1">
              {a.patronName ? <p className="font-semibold">{t('membershipAdviceFor', { name: a.patronName })}</p> : null}
              <RenewalAdviceText advice={a.advice} />
            </div>
          ))}
          <p>
            <Link href="/memberships">{t('moreInfo')}</Link>
          </p>
        </div>
      ) : null}
      {card.outstandingCents > 0
        ? group(
            t('outstanding'),
            <li>
              <Link href={cardHref(card.slug, 'fees')}>{t('outstandingAmount', { amount: amount(card.outstandingCents) })}</Link>
            </li>,
          )
        : null}
    </section>
  );
}
