'use client';
// Renew controls of a card's loans page: "Alles verlengen" / "Selectie verlengen",
// the selection of loans, the result per loan in place and a summary for screen readers.
//
//   <RenewSelectionProvider cardSlug>             state: selection, pending request, outcomes
//     <RenewButtons />                            the two buttons, progress, aria-live summary
//     <LoanRows data />                           per table (loan-rows.tsx): each row a plain
//                                                 <input type=checkbox name=loanId form=RENEW_FORM_ID>
//                                                 and the decision, or a request's outcome in its place
//
// The provider follows the rows' checkboxes by event delegation (one change listener on its
// wrapper) instead of a controlled checkbox per row, and reads from the DOM which are ticked and
// which are renewable (a refused loan's checkbox is disabled). The rows read the outcomes from a
// context of their own, so they re-render only when the outcomes or the page's data change, never
// per tick (issue 16).
//
// One click = one fresh idempotency key (crypto.randomUUID): a network retry of that request is
// answered with its first result (RN7); a new click is a new request. While a request runs both
// buttons are aria-disabled (they keep keyboard focus), the checkboxes ignore clicks, and a
// synchronous guard drops a second click before React re-renders. Afterwards router.refresh()
// re-reads the page's server data (new due dates, renewal counts, today's decisions); the per-loan
// outcomes live here, in client state keyed by loan id, so the refresh — which re-renders every row
// — does not wipe them.
//
// Before (or without) JavaScript the same controls are a real form: RenewButtons renders a
// <form id=RENEW_FORM_ID action={renewLoansForm}> with the card, a request key the server rendered,
// and the two buttons as submitters (`intent`); each checkbox joins it through its `form` attribute
// (`loanId`). The browser POSTs it, and the page re-renders with the answer (useActionState): the
// same per-loan results and summary as with JavaScript (the rows render them on the server too).
// Once hydrated, the form's submit is taken over by the mutation (no page load).
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { createContext, useActionState, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { runMutation } from '@/components/cards/lazy-mutation';
import { formatDateOnly } from '@/lib/i18n/format';
import { renewLoans, renewLoansForm } from '@/lib/actions/renew-loans';
import { mergeOutcomes, RENEW_FORM_ID, renewStatusId, selectedRenewableIds, toggleSelection, type RenewItemOutcome, type SelectableLoan } from './renew-state';

type Failure = 'signedOut' | 'failed' | 'noneSelected';
type Request = { all: true } | { loanIds: number[] };

interface RenewContextValue {
  /** False until hydrated: without JavaScript nothing here can work, so nothing is enabled. */
  ready: boolean;
  /** How many renewable loans are ticked. */
  selectedCount: number;
  renewAll(): void;
  renewSelected(): void;
  /** Which request runs, if any. */
  pending: 'all' | 'selected' | null;
  summary: { renewed: number; refused: number } | null;
  failure: Failure | null;
  /** The renew form (id, server action, card, request key), for the no-JavaScript path. */
  form: { action: (data: FormData) => void; cardSlug: string; requestKey: string };
}

const RenewContext = createContext<RenewContextValue | null>(null);

/** A loan's outcome of the last request made here, else of the last form POST (RN7 per item). */
type OutcomeOf = (loanId: number) => RenewItemOutcome | undefined;

// Apart from the rest, so that the rows (loan-rows.tsx) re-render when outcomes change, not on
// every tick of a checkbox or change of the buttons' state.
const OutcomeContext = createContext<OutcomeOf | null>(null);

/** For the rows: each loan's outcome, to show in its place. */
export function useRenewOutcomes(): OutcomeOf {
  const value = useContext(OutcomeContext);
  if (!value) throw new Error('Loan rows must be inside <RenewSelectionProvider>');
  return value;
}

function useRenew(): RenewContextValue {
  const value = useContext(RenewContext);
  if (!value) throw new Error('Renew controls must be inside <RenewSelectionProvider>');
  return value;
}

const noSubscription = () => () => {};

/** True in the browser after hydration, false on the server and in the hydration pass. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/** The rows' checkboxes inside `area`, in page order, as the selection helpers take them. */
function checkboxesIn(area: HTMLElement | null): { box: HTMLInputElement; loan: SelectableLoan }[] {
  if (!area) return [];
  return [...area.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="loanId"][form="${RENEW_FORM_ID}"]`)].map((box) => ({
    box,
    loan: { id: Number(box.value), decision: { ok: !box.disabled } },
  }));
}

export function RenewSelectionProvider({
  cardSlug,
  requestKey,
  children,
}: {
  cardSlug: string;
  /** A fresh key the server rendered for the form's POST (the no-JavaScript path). */
  requestKey: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const area = useRef<HTMLDivElement>(null);
  // The answer to a form POST made before (or without) JavaScript; null on every other render.
  const [formState, formAction] = useActionState(renewLoansForm, null);
  const formOutcomes = useMemo(
    () => (formState?.ok ? mergeOutcomes(new Map(), formState.data.items) : new Map<number, RenewItemOutcome>()),
    [formState],
  );
  const formSummary = formState?.ok ? { renewed: formState.data.renewed, refused: formState.data.refused } : null;
  const formFailure: Failure | null =
    formState && !formState.ok
      ? formState.code === 'unauthenticated'
        ? 'signedOut'
        : formState.code === 'invalid_input' && formState.fieldErrors?.loanIds
          ? 'noneSelected'
          : 'failed'
      : null;
  const ready = useHydrated();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [outcomes, setOutcomes] = useState<ReadonlyMap<number, RenewItemOutcome>>(new Map());
  const [summary, setSummary] = useState<{ renewed: number; refused: number } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inFlight = useRef(false);

  // Which request runs, and whether one was made here at all (until then the form's answer shows).
  const [pending, setPending] = useState<'all' | 'selected' | null>(null);
  const [acted, setActed] = useState(false);

  // TanStack Query loads with the first click (lazy-mutation.ts), not with the page (issue 16.4).
  const start = useCallback(
    (request: Request) => {
      if (inFlight.current) return; // no double submit, even before the re-render marks the buttons
      inFlight.current = true;
      setActed(true);
      setPending('all' in request ? 'all' : 'selected');
      setFailure(null);
      setSummary(null);
      runMutation(async (r: Request) => {
        const result = await renewLoans({ requestKey: crypto.randomUUID(), cardSlug, ...r });
        if (!result.ok) throw new Error(result.code);
        return result.data;
      }, request)
        .then(
          (data) => {
            setOutcomes((previous) => mergeOutcomes(previous, data.items));
            setSummary({ renewed: data.renewed, refused: data.refused });
            setSelected(new Set());
            for (const { box } of checkboxesIn(area.current)) box.checked = false;
            router.refresh();
          },
          (error: unknown) => setFailure(error instanceof Error && error.message === 'unauthenticated' ? 'signedOut' : 'failed'),
        )
        .finally(() => {
          inFlight.current = false;
          setPending(null);
        });
    },
    [cardSlug, router],
  );

  // Boxes ticked before the page was hydrated count too.
  useEffect(() => {
    setSelected(new Set(checkboxesIn(area.current).filter(({ box }) => box.checked).map(({ loan }) => loan.id)));
  }, []);
  // The refreshed rows decide what is still renewable (a refused loan's box comes disabled).
  const renewableSelected = useCallback(() => selectedRenewableIds(checkboxesIn(area.current).map(({ loan }) => loan), selected), [selected]);
  const selectedCount = ready ? renewableSelected().length : 0;

  const value = useMemo<RenewContextValue>(
    () => ({
      ready,
      selectedCount,
      renewAll: () => start({ all: true }),
      renewSelected: () => {
        const ids = renewableSelected();
        if (ids.length > 0) start({ loanIds: ids });
      },
      pending,
      // A request made here replaces what the last form POST answered.
      summary: acted ? summary : formSummary,
      failure: acted ? failure : formFailure,
      form: { action: formAction, cardSlug, requestKey },
    }),
    [ready, renewableSelected, selectedCount, start, pending, summary, failure, acted, formSummary, formFailure, formAction, cardSlug, requestKey],
  );
  const outcomeOf = useCallback<OutcomeOf>((loanId) => outcomes.get(loanId) ?? formOutcomes.get(loanId), [outcomes, formOutcomes]);

  // One listener for every row's checkbox (event delegation); while a request runs a click on one
  // changes nothing, as the request already has its selection.
  const isLoanBox = (target: EventTarget): target is HTMLInputElement =>
    target instanceof HTMLInputElement && target.name === 'loanId' && target.getAttribute('form') === RENEW_FORM_ID;
  return (
    <RenewContext.Provider value={value}>
      <OutcomeContext.Provider value={outcomeOf}>
        <div
          ref={area}
          onClickCapture={(event) => {
            if ((inFlight.current || pending !== null) && isLoanBox(event.target)) event.preventDefault();
          }}
          onChange={(event) => {
            const box = event.target;
            if (isLoanBox(box)) setSelected((prev) => toggleSelection(prev, Number(box.value), box.checked));
          }}
        >
          {children}
        </div>
      </OutcomeContext.Provider>
    </RenewContext.Provider>
  );
}

const buttonState =
  'aria-disabled:cursor-not-allowed aria-disabled:border-line aria-disabled:bg-surface aria-disabled:text-muted disabled:cursor-not-allowed disabled:border-line disabled:bg-surface disabled:text-muted';

function Spinner() {
  return <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />;
}

/** "Alles verlengen", "Selectie verlengen", progress, and the summary announced to screen readers. */
export function RenewButtons() {
  const t = useTranslations('Renewal');
  const { ready, selectedCount, renewAll, renewSelected, pending, summary, failure, form } = useRenew();
  // aria-disabled rather than disabled while a request runs: the button keeps keyboard focus, and
  // the submit handler (and the provider's guard) ignore it. Before hydration the page cannot know
  // what is ticked: both buttons post, and the server says if nothing was chosen.
  const allOff = pending !== null;
  const selectedOff = pending !== null || (ready && selectedCount === 0);
  // Hydrated: the mutation renews in place; the browser's own POST (no JavaScript yet) never runs.
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const intent = submitter instanceof HTMLButtonElement ? submitter.value : '';
    if (intent === 'all' && !allOff) renewAll();
    if (intent === 'selected' && !selectedOff) renewSelected();
  }
  return (
    <form id={RENEW_FORM_ID} action={form.action} onSubmit={onSubmit} className="flex flex-col gap-2" aria-busy={pending !== null}>
      <input type="hidden" name="cardSlug" value={form.cardSlug} />
      <input type="hidden" name="requestKey" value={form.requestKey} />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          name="intent"
          value="all"
          className={`btn btn-primary ${buttonState}`}
          aria-disabled={allOff || undefined}
        >
          {pending === 'all' ? <Spinner /> : null}
          {t('renewAll')}
        </button>
        <button
          type="submit"
          name="intent"
          value="selected"
          className={`btn btn-secondary ${buttonState}`}
          aria-disabled={selectedOff || undefined}
        >
          {pending === 'selected' ? <Spinner /> : null}
          {t('renewSelected')}
        </button>
        {ready ? <span className="text-sm text-muted">{t('selectedCount', { count: selectedCount })}</span> : null}
      </div>
      {/* Always rendered, so assistive technology is listening before the text changes. */}
      <p role="status" aria-live="polite" className={`min-h-6 text-sm font-semibold ${failure ? 'text-danger' : ''}`}>
        {pending !== null
          ? t('renewing')
          : failure
            ? t(failure)
            : summary
              ? t('summary', { renewed: summary.renewed, refused: summary.refused })
              : null}
      </p>
    </form>
  );
}

/** Why a loan was not renewed: the portal's reason, or a linked library's in its own words (L1). */
function reasonText(t: ReturnType<typeof useTranslations<'Renewal'>>, item: Extract<RenewItemOutcome, { outcome: 'refused' }>): string {
  const library = item.libraryName ?? '';
  switch (item.reason) {
    case 'library_refused':
      return item.libraryMessage
        ? t('libraryReasons.library_refused_with_message', { library, message: item.libraryMessage })
        : t('libraryReasons.library_refused', { library });
    case 'library_unreachable':
    case 'library_unconfirmed':
    case 'in_progress':
      return t(`libraryReasons.${item.reason}`, { library });
    default:
      return t(`reasons.${item.reason}`);
  }
}

/** A request's result for one loan in words: its new due date, or why not (shown in the loan's row, loan-rows.tsx). */
export function RenewOutcomeText({ item }: { item: RenewItemOutcome }) {
  const t = useTranslations('Renewal');
  const locale = useLocale();
  return item.outcome === 'renewed' ? (
    <span className="font-semibold text-brand-strong">{t('renewedUntil', { date: formatDateOnly(item.newDueOn, locale) })}</span>
  ) : (
    <span className="font-semibold text-danger">{t('notRenewed', { reason: reasonText(t, item) })}</span>
  );
}
