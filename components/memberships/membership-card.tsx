// One card of Info lidmaatschap (R2): its memberships with status (R7), guest validity (R11, R13,
// R15 with a warning when few or no loan strips are left) and a guest registered while the home
// membership was not valid (R12), each card's kind with its masked number (an old card's hint to
// ask the desk for a new regional card), the region's digital collections (R8) and the warnings
// and advice of R5–R7; inactive only per R9.
// R6–R9 are per patron record: when the card covers several people (a family's account), each
// warning, activity note and digital-collection list is labelled with the person's name; with one
// person the card shows them without a name.
import { getLocale, getTranslations } from 'next-intl/server';
import { formatAlternatives, formatDateOnly, formatList, intlLocale } from '@/lib/i18n/format';
import { RenewalAdviceText } from './renewal-advice';
import type { CardProps, DigitalProps, MembershipProps, PersonProps } from './types';

const membershipsT = () => getTranslations('Memberships');
type T = Awaited<ReturnType<typeof membershipsT>>;

function statusText(t: T, m: MembershipProps, day: (iso: string) => string): string {
  switch (m.status) {
    case 'not_started':
      return t('status.notStarted', { date: day(m.startOn) });
    case 'stopped':
      return m.stoppedOn ? t('status.stopped', { date: day(m.stoppedOn) }) : t('status.stoppedUndated');
    case 'expired':
      return m.endOn ? t('status.expired', { date: day(m.endOn) }) : t('status.expiredUndated');
    case 'expiring':
      return m.endOn ? t('status.expiring', { date: day(m.endOn) }) : t('status.active');
    default:
      if (!m.endOn) return t('status.active');
      return m.autoRenew ? t('status.activeAutoRenew', { date: day(m.endOn) }) : t('status.activeUntil', { date: day(m.endOn) });
  }
}

function guestText(t: T, m: MembershipProps, day: (iso: string) => string): string {
  const g = m.guest!;
  const home = g.homeLibraryName ?? t('guest.unknownHome', { isil: g.homeIsil });
  switch (g.reason) {
    case 'first_day':
      return t('guest.firstDay', { date: day(g.validUntil ?? g.registeredOn) });
    case 'follows_home':
      return g.validUntil ? t('guest.followsHome', { home, date: day(g.validUntil) }) : t('guest.followsHomeOpen', { home });
    case 'home_ended':
      return g.validUntil ? t('guest.homeEnded', { home, date: day(g.validUntil) }) : t('guest.homeEndedUndated', { home });
    case 'home_unknown':
      return t('guest.homeUnknown', { home });
    default:
      return t('guest.notRegistered', { date: day(g.registeredOn) });
  }
}

export async function MembershipCard({ card, index }: { card: CardProps; index: number }) {
  const [t, locale] = await Promise.all([membershipsT(), getLocale()]);
  const tag = intlLocale(locale);
  const day = (iso: string) => formatDateOnly(iso, tag);
  const and = (items: string[]) => formatList(items, tag);
  const or = (items: string[]) => formatAlternatives(items, tag);
  const headingId = `card-${index}`;
  const several = card.people.length > 1;
  const warningTitle = (p: PersonProps) => (several ? t('warnings.titleFor', { name: p.patronName }) : t('warnings.title'));
  const digitalList = (digital: DigitalProps[]) => (
    <ul className="mt-2 space-y-1">
      {digital.map((d) => (
        <li key={d.name}>
          <span className="font-semibold">{d.name}: </span>
          {d.access
            ? t('digital.yes', { libraries: and(d.viaLibraries) })
            : d.renewAt.length > 0
              ? t('digital.noRenew', { libraries: or(d.renewAt) })
              : t('digital.noJoin', { libraries: or(d.joinAt) })}
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-xl border border-line bg-surface p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-2xl font-bold">
          {card.label}
        </h2>
        <p className={card.active ? 'font-semibold text-brand-strong' : 'font-semibold text-accent'}>
          {card.active ? t('card.active') : t('card.inactive')}
        </p>
      </div>
      {!card.active ? <p>{t('card.inactiveExplained')}</p> : null}

      {several
        ? card.people
            .filter((p) => !p.active && card.active)
            .map((p) => (
              <p key={p.patronId} data-testid="person-inactive">
                {t('card.personInactive', { name: p.patronName })}
              </p>
            ))
        : null}

      {card.people.map((p) =>
        p.conflictingTypes ? (
          <div key={p.patronId} className="rounded-md border-2 border-accent bg-accent-soft p-3" data-testid="warning-r6">
            <p className="font-semibold">{warningTitle(p)}</p>
            <p>{t('warnings.conflictingTypes', { types: and(p.conflictingTypes) })}</p>
          </div>
        ) : null,
      )}
      {card.people.map((p) =>
        p.renewalAdvice ? (
          <div key={p.patronId} className="rounded-md border-2 border-accent bg-accent-soft p-3" data-testid="warning-r7">
            <p className="font-semibold">{warningTitle(p)}</p>
            <RenewalAdviceText advice={p.renewalAdvice} />
          </div>
        ) : null,
      )}

      <ul className="space-y-4">
        {card.memberships.map((m) => (
          <li key={m.id} className="rounded-lg border border-line p-4">
            <h3 className="text-lg font-bold">{m.libraryName}</h3>
            <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold">{t('fields.region')}</dt>
              <dd>{m.regionName ?? t('fields.noRegion')}</dd>
              <dt className="font-semibold">{t('fields.subscriptionType')}</dt>
              <dd>{m.kind === 'guest' ? t('fields.guestType', { type: m.subscriptionType }) : m.subscriptionType}</dd>
              <dt className="font-semibold">{t('fields.status')}</dt>
              <dd>{statusText(t, m, day)}</dd>
              {m.kind === 'ordinary' ? (
                <>
                  <dt className="font-semibold">{t('fields.period')}</dt>
                  <dd>{m.endOn ? t('fields.periodRange', { start: day(m.startOn), end: day(m.endOn) }) : t('fields.periodOpen', { start: day(m.startOn) })}</dd>
                  <dt className="font-semibold">{t('fields.autoRenew')}</dt>
                  <dd>{m.autoRenew ? t('fields.yes') : t('fields.no')}</dd>
                </>
              ) : null}
              {m.guest ? (
                <>
                  <dt className="font-semibold">{t('fields.homeLibrary')}</dt>
                  <dd>{m.guest.homeLibraryName ? t('guest.homeKnown', { name: m.guest.homeLibraryName, isil: m.guest.homeIsil }) : t('guest.unknownHome', { isil: m.guest.homeIsil })}</dd>
                  <dt className="font-semibold">{t('fields.validity')}</dt>
                  <dd>
                    {guestText(t, m, day)}
                    {m.guest.homeInvalidAtRegistration ? (
                      <p className="mt-1 font-semibold" data-testid="guest-r12">
                        {t('guest.invalidAtRegistration', { home: m.guest.homeLibraryName ?? t('guest.unknownHome', { isil: m.guest.homeIsil }) })}
                      </p>
                    ) : null}
                  </dd>
                  {m.guest.loanStrips !== null ? (
                    <>
                      <dt className="font-semibold">{t('fields.loanStrips')}</dt>
                      <dd data-testid="loan-strips">
                        {t('fields.loanStripsLeft', { count: m.guest.loanStrips })}
                        {m.guest.loanStripsState === 'few' || m.guest.loanStripsState === 'none' ? (
                          <span className="mt-1 block rounded-md border-2 border-accent bg-accent-soft p-2 font-semibold" data-testid="warning-r15">
                            {m.guest.loanStripsState === 'few'
                              ? t('fields.loanStripsFew', { count: m.guest.loanStrips, library: m.libraryName })
                              : t('fields.loanStripsNone', { library: m.libraryName })}
                          </span>
                        ) : null}
                      </dd>
                    </>
                  ) : null}
                </>
              ) : null}
              <dt className="font-semibold">{t('fields.cards')}</dt>
              <dd>
                {m.cards.length > 0 ? (
                  <ul>
                    {m.cards.map((c) => (
                      <li key={`${c.kind}${c.masked}`} data-testid="card-number">
                        {t('fields.cardEntry', { kind: t(`fields.cardKind.${c.kind}`), masked: c.masked })}
                        {c.needsReplacement ? <span className="block text-sm">{t('fields.oldCardHint')}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('fields.noCards')
                )}
              </dd>
              <dt className="font-semibold">{t('fields.patron')}</dt>
              <dd>{m.patronName}</dd>
            </dl>
          </li>
        ))}
      </ul>

      <div>
        <h3 className="text-lg font-bold">{t('digital.title')}</h3>
        {(card.people[0]?.digital.length ?? 0) === 0 ? (
          <p>{t('digital.none')}</p>
        ) : several ? (
          card.people.map((p) => (
            <div key={p.patronId} className="mt-3">
              <h4 className="font-bold">{t('digital.forPerson', { name: p.patronName })}</h4>
              {digitalList(p.digital)}
            </div>
          ))
        ) : (
          digitalList(card.people[0]?.digital ?? [])
        )}
      </div>
    </section>
  );
}
