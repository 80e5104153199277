// Top of every card page: the chooser, then the card's label as the page heading with the part's
// name, so each page has one h1 that says where the patron is; then the parts of the card as tabs.
import { getTranslations } from 'next-intl/server';
import { CardTabs } from './card-tabs';
import { CardChooser, type CardChoiceProps } from './card-chooser';
import { RememberCard } from './remember-card';
import type { CardSection } from './sections';

export async function CardPageHeader({ cards, card, section }: { cards: CardChoiceProps[]; card: CardChoiceProps; section: CardSection }) {
  const t = await getTranslations('Cards');
  return (
    <div className="space-y-3">
      <CardChooser cards={cards} current={card.slug} section={section} />
      <RememberCard slug={card.slug} />
      <h1 className="text-2xl font-bold sm:text-3xl">
        {t(section)}
        <span className="block text-lg font-semibold text-muted">{card.label}</span>
      </h1>
      <CardTabs slug={card.slug} />
    </div>
  );
}
