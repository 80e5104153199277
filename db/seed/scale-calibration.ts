// The scale network's proportions, derived from the Flemish public library statistics quoted in
// issue 16 (1.45 M borrowers, 305 libraries, 809 branches, ~25 M items, ~53 M loans a year with
// renewals). docs/benchmarks.md ("Calibration") shows the same arithmetic; every figure that is
// not a division of those five is an assumption and says so.

/** The source figures (issue 16). */
export const FLANDERS = {
  borrowers: 1_450_000,
  libraries: 305,
  branches: 809,
  items: 25_000_000,
  loanTransactionsPerYear: 53_000_000,
} as const;

/** 1 450 000 / 305 ≈ 4 754 patrons per library: N patrons make round(N / 4 754) libraries. */
export const PATRONS_PER_LIBRARY = FLANDERS.borrowers / FLANDERS.libraries;
/** 25 000 000 / 1 450 000 ≈ 17.24 items per patron (≈ 82 000 per library). */
export const ITEMS_PER_PATRON = FLANDERS.items / FLANDERS.borrowers;
/** 809 / 305 ≈ 2.65 branches per library: extra libraries get 3, 3, 2, 3, 3, 2, … (2.67). */
export const BRANCH_PATTERN = [3, 3, 2] as const;
/** Libraries per generated region (assumption: a region of ~28 000 patrons, "tens of thousands"). */
export const LIBRARIES_PER_REGION = 6;

/** 53 000 000 / 1 450 000 ≈ 36.6 loan transactions (checkouts and renewals) per patron a year. */
export const TRANSACTIONS_PER_PATRON_YEAR = FLANDERS.loanTransactionsPerYear / FLANDERS.borrowers;
/** Assumption: a checkout is renewed 0.5 times on average, so 36.6 / 1.5 ≈ 24.4 checkouts a year. */
export const RENEWALS_PER_CHECKOUT = 0.5;
export const CHECKOUTS_PER_PATRON_YEAR = TRANSACTIONS_PER_PATRON_YEAR / (1 + RENEWALS_PER_CHECKOUT);
/** Assumption: an item is out 35 days on average (28-day period, some renewed, some early). */
export const DAYS_OUT = 35;
/** Assumption: one registered borrower in three borrowed nothing this year. */
export const INACTIVE_SHARE = 0.35;
/**
 * An active patron's checkouts a year are drawn from an exponential distribution with mean
 * 24.4 / 0.65 ≈ 37.5; open loans are then Poisson(checkouts × 35 / 365), a geometric mixture:
 * mean 24.4 × 35 / 365 ≈ 2.34 open loans per patron, about half with none, a few with dozens.
 */
export const ACTIVE_CHECKOUTS_MEAN = CHECKOUTS_PER_PATRON_YEAR / (1 - INACTIVE_SHARE);
/** A borrower can hold at most this many open loans (the types' maxLoans, 40). */
export const MAX_OPEN_LOANS = 40;
/** Years of lending history kept per patron: one checkout a year is one history row (≈ 24.4). */
export const HISTORY_YEARS = 1;
/** History rows of one patron are capped (a few patrons borrow hundreds of items a year). */
export const MAX_HISTORY = 200;

/**
 * Copies per title per library (assumption): the network's HEAD_TITLES most popular titles have
 * several copies in every library, 2 + floor(10 × (1 − rank / HEAD)³) (12 for the top title, 2 at
 * the end of the head, ≈ 4 on average, ≈ 20 000 items); the rest of a library's ≈ 82 000 items are
 * the long tail, one copy each (≈ 62 000 titles a library, 1.22 copies per title on average).
 */
export const HEAD_TITLES = 5_000;
export const headCopies = (rank: number): number => 2 + Math.floor(10 * (1 - rank / HEAD_TITLES) ** 3);
/**
 * Assumption: the network's tail pool is at most four libraries' tails (≈ 4 × 62 000 ≈ 248 000
 * titles): in a small network a tail title sits in about two libraries (pool = tail items / 2), in a
 * big one libraries share more of their tail (at 305 libraries a tail title is in ~76 of them).
 */
export const TAIL_HOLDERS = 2;
export const TAIL_POOL_LIBRARIES = 4;

/**
 * Reservations (assumption): one per ~100 checkouts is open at a time, so 24.4 × 0.0103 ≈ 0.25
 * open reservations per patron, nine in ten on head titles drawn by Zipf with exponent 1 (long
 * queues on the first ranks), one in ten on a tail title (queues of one).
 */
export const RESERVATIONS_PER_CHECKOUT = 0.25 / CHECKOUTS_PER_PATRON_YEAR;
export const ZIPF_EXPONENT = 1;
export const TAIL_RESERVATION_SHARE = 0.1;

/** Fees (assumption, as before): one patron in five has one or two, half of them paid. */
export const FEE_SHARE = 0.2;
/** Assumption: one patron in four is also a member of a second library (a second card). */
export const SECOND_MEMBERSHIP_SHARE = 0.25;
