// The loans of a card: grouped per branch with branch code and name (R2), or one list by due date,
// with the renew buttons above the tables. Must sit inside <RenewArea>.
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/cards/empty-state';
import { LoansTable } from './loans-table';
import { LoansViewSwitch } from './loans-view-switch';
import { RenewButtons } from './renew-controls';
import type { BranchGroupProps, LoanProps } from './types';

interface Props {
  basePath: string;
  view: 'branch' | 'due';
  byBranch: BranchGroupProps[];
  byDueDate: LoanProps[];
}

export async function LoansSection({ basePath, view, byBranch, byDueDate }: Props) {
  const t = await getTranslations('Loans');
  if (byDueDate.length === 0) {
    return <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>;
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="font-semibold">{t('count', { count: byDueDate.length })}</p>
        <LoansViewSwitch basePath={basePath} current={view} />
      </div>
      <RenewButtons />
      {view === 'due' ? (
        <LoansTable caption={t('dueCaption')} loans={byDueDate} showBranch />
      ) : (
        byBranch.map((group) => (
          <section key={group.key} aria-labelledby={`branch-${group.key.replace(/[^a-zA-Z0-9-]/g, "-")}`} className="space-y-2">
            <h2 id={`branch-${group.key.replace(/[^a-zA-Z0-9-]/g, "-")}`} className="text-xl font-semibold">
              {group.branch.code} {group.branch.name}
              <span className="block text-base font-normal text-muted">{group.libraryName}</span>
            </h2>
            <LoansTable
              caption={t('branchCaption', { code: group.branch.code, name: group.branch.name, library: group.libraryName })}
              loans={group.loans}
              showBranch={false}
            />
          </section>
        ))
      )}
    </div>
  );
}
