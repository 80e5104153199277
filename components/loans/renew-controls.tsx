'use client';
// Renew controls of a card's loans page (issue 5, point 3): "Alles verlengen" / "Selectie verlengen",
// a checkbox per loan, the result per loan in place and a summary for screen readers.
//
//   <RenewSelectionProvider cardSlug loans>       state: selection, pending request, last outcome
//     <RenewButtons />                            the two buttons, progress, aria-live summary
//     …in each table row: <RenewCheckbox loanId /> and <RenewOutcome loanId />
//
// One click = one fresh idempotency key (crypto.randomUUID): a network retry of that request is
// answered with its first result (RN7); a new click is a new request. While a request runs both
// buttons are disabled and a synchronous guard drops a second click before React re-renders.
// Afterwards router.refresh() re-reads the page's server data (new due dates, counts).
import { useMutation } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { renewLoans } from '@/lib/actions/renew-loans';
import type { RenewItemResult, RenewLoansResponse } from '@/lib/actions/renew-loans-core';
import type { RenewalDecision } from '@/lib/domain/renewal';

/** A loan as the controls need it: the page passes the decision it already shows (RN1–RN8). */
export interface RenewableLoan {
  id: number;
  title: string;
  /** The decision for today, as shown before anyone clicks; refused loans cannot be selected. */
  decision: RenewalDecision;
}

type Failure = 'signedOut' | 'failed';

interface RenewContextValue {
  loans: readonly RenewableLoan[];
  selected: ReadonlySet<number>;
  toggle(loanId: number, on: boolean): void;
  renewAll(): void;
  renewSelected(): void;
  pending: boolean;
  outcome: RenewLoansResponse | null;
  outcomeOf(loanId: number): RenewItemResult | undefined;
  failure: Failure | null;
}

const RenewContext = createContext<RenewContextValue | null>(null);

function useRenew(): RenewContextValue {
  const value = useContext(RenewContext);
  if (!value) throw new Error('Renew controls must be inside <RenewSelectionProvider>');
  return value;
}

type Request = { all: true } | { loanIds: number[] };

export function RenewSelectionProvider({
  cardSlug,
  loans,
  children,
}: {
  cardSlug: string;
  loans: readonly RenewableLoan[];
  children: ReactNode;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [outcome, setOutcome] = useState<RenewLoansResponse | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inFlight = useRef(false);

  const mutation = useMutation({
    mutationFn: async (request: Request) => {
      const result = await renewLoans({ requestKey: crypto.randomUUID(), cardSlug, ...request });
      if (!result.ok) throw new Error(result.code);
      return result.data;
    },
    onMutate: () => {
      setFailure(null);
    },
    onSuccess: (data) => {
      setOutcome(data);
      setSelected(new Set());
      router.refresh();
    },
    onError: (error) => {
      setFailure(error instanceof Error && error.message === 'unauthenticated' ? 'signedOut' : 'failed');
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });

  const start = useCallback(
    (request: Request) => {
      if (inFlight.current) return; // no double submit, even before the re-render disables the button
      inFlight.current = true;
      mutation.mutate(request);
    },
    [mutation],
  );

  const value = useMemo<RenewContextValue>(() => {
    const byLoan = new Map(outcome?.items.map((i) => [i.loanId, i]));
    return {
      loans,
      selected,
      toggle: (loanId, on) =>
        setSelected((prev) => {
          const next = new Set(prev);
          if (on) next.add(loanId);
          else next.delete(loanId);
          return next;
        }),
      renewAll: () => start({ all: true }),
      renewSelected: () => {
        const ids = loans.filter((l) => selected.has(l.id)).map((l) => l.id);
        if (ids.length > 0) start({ loanIds: ids });
      },
      pending: mutation.isPending,
      outcome,
      outcomeOf: (loanId) => byLoan.get(loanId),
      failure,
    };
  }, [loans, selected, start, mutation.isPending, outcome, failure]);

  return <RenewContext.Provider value={value}>{children}</RenewContext.Provider>;
}

/** The checkbox of one loan row; labelled with the loan's title. Refused loans cannot be chosen. */
export function RenewCheckbox({ loanId, className }: { loanId: number; className?: string }) {
  const t = useTranslations('Renewal');
  const { loans, selected, toggle, pending } = useRenew();
  const loan = loans.find((l) => l.id === loanId);
  if (!loan) return null;
  return (
    <input
      type="checkbox"
      className={className ?? 'size-5 accent-brand'}
      aria-label={t('selectLoan', { title: loan.title })}
      checked={selected.has(loanId)}
      disabled={pending || !loan.decision.ok}
      onChange={(e) => toggle(loanId, e.currentTarget.checked)}
    />
  );
}

/** "Alles verlengen", "Selectie verlengen", progress, and the summary announced to screen readers. */
export function RenewButtons() {
  const t = useTranslations('Renewal');
  const { loans, selected, renewAll, renewSelected, pending, outcome, failure } = useRenew();
  const selectedCount = loans.filter((l) => selected.has(l.id)).length;
  const anyRenewable = loans.some((l) => l.decision.ok);
  return (
    <div className="flex flex-col gap-2" aria-busy={pending}>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn btn-primary" onClick={renewAll} disabled={pending || !anyRenewable}>
          {t('renewAll')}
        </button>
        <button type="button" className="btn" onClick={renewSelected} disabled={pending || selectedCount === 0}>
          {t('renewSelected')}
        </button>
        <span className="text-sm text-muted">{t('selectedCount', { count: selectedCount })}</span>
        {pending ? (
          <span className="inline-flex items-center gap-2 text-sm">
            <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
            {t('renewing')}
          </span>
        ) : null}
      </div>
      {/* Always rendered, so assistive technology is listening before the text changes. */}
      <p role="status" aria-live="polite" className="text-sm font-semibold">
        {failure ? t(failure) : outcome ? t('summary', { renewed: outcome.renewed, refused: outcome.refused }) : null}
      </p>
    </div>
  );
}

/** The result of the last request for one loan, in place: its new due date, or why not. */
export function RenewOutcome({ loanId }: { loanId: number }) {
  const t = useTranslations('Renewal');
  const format = useFormatter();
  const item = useRenew().outcomeOf(loanId);
  if (!item) return null;
  if (item.outcome === 'renewed') {
    // A date-only value: formatted in UTC so no time zone can move it to another day.
    const date = format.dateTime(new Date(`${item.newDueOn}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
    return <span className="text-sm font-medium text-brand-strong">{t('renewedUntil', { date })}</span>;
  }
  return <span className="text-sm font-medium text-accent">{t('notRenewed', { reason: t(`reasons.${item.reason}`) })}</span>;
}

/** The patron's sentence for a refusal reason (also for the decision shown before any click). */
export function useRenewalReason(): (reason: Extract<RenewalDecision, { ok: false }>['reason']) => string {
  const t = useTranslations('Renewal');
  return (reason) => t(`reasons.${reason}`);
}
