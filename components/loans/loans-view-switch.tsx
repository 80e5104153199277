// Per branch (R2) or one list by due date: two links, so it works without JavaScript and the
// choice is in the URL (shareable, back button).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function LoansViewSwitch({ basePath, current }: { basePath: string; current: 'branch' | 'due' }) {
  const t = await getTranslations('Loans');
  const option = (value: 'branch' | 'due', label: string) => {
    const isCurrent = value === current;
    return (
      <li>
        <Link
          href={value === 'branch' ? basePath : `${basePath}?view=due`}
          aria-current={isCurrent ? 'true' : undefined}
          className={isCurrent ? 'btn btn-primary' : 'btn btn-secondary'}
        >
          {label}
          {isCurrent ? <span className="sr-only"> {t('current')}</span> : null}
        </Link>
      </li>
    );
  };
  return (
    <nav aria-label={t('viewLabel')}>
      <ul className="flex flex-wrap gap-2">
        {option('branch', t('byBranch'))}
        {option('due', t('byDueDate'))}
      </ul>
    </nav>
  );
}
