// R15 on the loans page of a card with a Dutch guest membership: the loan strips left per active
// guest membership, with a warning when few or none are left (lib/domain/loan-strips). Shown above
// the loans (also when there are none): a patron checks it before going to borrow.
import { getTranslations } from 'next-intl/server';
import type { LoanStripsProps } from './types';

export async function LoanStrips({ strips }: { strips: LoanStripsProps[] }) {
  if (strips.length === 0) return null;
  const t = await getTranslations('Loans');
  return (
    <section aria-labelledby="loan-strips-title" className="rounded-lg border border-line p-4" data-testid="loan-strips">
      <h2 id="loan-strips-title" className="text-lg font-semibold">
        {t('stripsTitle')}
      </h2>
      <ul className="mt-2 space-y-2">
        {strips.map((s) => (
          <li key={s.membershipId}>
            {s.patronName
              ? t('stripsLeftFor', { library: s.libraryName, name: s.patronName, count: s.left })
              : t('stripsLeft', { library: s.libraryName, count: s.left })}
            {s.state === 'enough' ? null : (
              <span className="mt-1 block rounded-md border-2 border-accent bg-accent-soft p-2 font-semibold" data-testid="warning-r15">
                {s.state === 'few' ? t('stripsFew') : t('stripsNone')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
