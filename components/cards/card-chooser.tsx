// The card chooser (R2): every card of the account by its label, linking to the same part of the
// other card. The current card is marked for assistive technology too.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cardHref, type CardSection } from './sections';

export interface CardChoiceProps {
  slug: string;
  label: string;
  active: boolean;
}

export async function CardChooser({ cards, current, section }: { cards: CardChoiceProps[]; current: string; section: CardSection }) {
  const t = await getTranslations('Cards');
  return (
    <nav aria-label={t('chooserLabel')} className="rounded-lg border border-line bg-brand-soft/60 p-2">
      <ul className="flex flex-wrap gap-2">
        {cards.map((card) => {
          const isCurrent = card.slug === current;
          return (
            <li key={card.slug}>
              <Link
                href={cardHref(card.slug, section)}
                aria-current={isCurrent ? 'page' : undefined}
                className={
                  isCurrent
                    ? 'inline-flex min-h-11 items-center rounded-md bg-brand px-3 py-2 font-semibold text-white no-underline hover:text-white'
                    : 'inline-flex min-h-11 items-center rounded-md px-3 py-2 font-semibold text-brand-strong'
                }
              >
                {card.label}
                {card.active ? null : <span className="ml-1 text-sm font-normal">{t('inactive')}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
