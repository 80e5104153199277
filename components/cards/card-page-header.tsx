// Top of every card page: the chooser, then the card's label as the page heading with the part's
// name, so each page has one h1 that says where the patron is; then the parts of the card as tabs,
// then the changes a library did not take over, and for linked libraries how fresh
// the card's data is, with the button that fetches it now (L3).
import { getTranslations } from 'next-intl/server';
import { CardTabs } from './card-tabs';
import { CardChooser, type CardChoiceProps } from './card-chooser';
import { CardFreshness } from './card-freshness';
import { CardNotices } from './card-notices';
import { NoticeFocus } from './notice-focus';
import type { FreshnessEntry } from './freshness-format';
import type { NoticeEntry } from './notice-format';
import { RememberCard } from './remember-card';
import type { CardSection } from './sections';

export async function CardPageHeader({
  cards,
  card,
  section,
  freshness = [],
  notices = [],
}: {
  cards: CardChoiceProps[];
  card: CardChoiceProps;
  section: CardSection;
  /** L3: the card's linked libraries (none for import-only libraries: nothing is shown). */
  freshness?: readonly FreshnessEntry[];
  /** Notices: the account's changes a library of the card did not take over, not yet dismissed. */
  notices?: readonly NoticeEntry[];
}) {
  const t = await getTranslations('Cards');
  return (
    <div className="space-y-3">
      <CardChooser cards={cards} current={card.slug} section={section} />
      <RememberCard slug={card.slug} />
      <h1 id="card-page-title" tabIndex={-1} className="text-2xl font-bold sm:text-3xl">
        {t(section)}
        <span className="block text-lg font-semibold text-muted">{card.label}</span>
      </h1>
      <CardTabs slug={card.slug} />
      <CardNotices notices={notices} />
      <NoticeFocus count={notices.length} />
      <CardFreshness slug={card.slug} libraries={freshness} />
    </div>
  );
}
