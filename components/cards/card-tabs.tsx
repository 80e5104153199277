'use client';
// The parts of one card (loans, reservations, fees, history) as a navigation list; the current part
// follows the URL, so it stays right after client-side navigation.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { CARD_SECTIONS, cardHref } from './sections';

export function CardTabs({ slug }: { slug: string }) {
  const t = useTranslations('Cards');
  const pathname = usePathname();
  return (
    <nav aria-label={t('sectionsLabel')}>
      <ul className="flex flex-wrap gap-1 border-b border-line">
        {CARD_SECTIONS.map((section) => {
          const href = cardHref(slug, section);
          const isCurrent = pathname === href;
          return (
            <li key={section}>
              <Link
                href={href}
                aria-current={isCurrent ? 'page' : undefined}
                className={
                  isCurrent
                    ? '-mb-px inline-flex min-h-11 items-center border-b-4 border-brand px-3 py-2 font-semibold text-ink no-underline'
                    : 'inline-flex min-h-11 items-center px-3 py-2 font-semibold text-brand-strong'
                }
              >
                {t(section)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
