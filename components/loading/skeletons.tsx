// Placeholders while a page's data is on its way (loading.tsx and <Suspense> fallbacks): one status
// region that says so to a screen reader, and grey blocks shaped like what comes, so nothing jumps
// when it arrives. The blocks are hidden from assistive technology; no motion for reduced motion.
import { getTranslations } from 'next-intl/server';

const block = 'rounded-md bg-line/60';

/** The one status region of a placeholder: "Bezig met laden…". */
export async function LoadingStatus() {
  const t = await getTranslations('Loading');
  return (
    <p role="status" className="sr-only">
      {t('label')}
    </p>
  );
}

/** The cards of the overview (each a bordered section with a heading and a few lines). */
export function OverviewCardsSkeleton({ count = 2 }: { count?: number }) {
  return (
    <div className="space-y-6" aria-busy="true">
      <LoadingStatus />
      {Array.from({ length: count }, (_, i) => (
        <div key={i} aria-hidden="true" className="space-y-3 rounded-lg border border-line bg-surface p-4 motion-safe:animate-pulse">
          <div className={`${block} h-7 w-2/3`} />
          <div className={`${block} h-5 w-1/3`} />
          <div className={`${block} h-5 w-5/6`} />
          <div className={`${block} h-5 w-3/4`} />
        </div>
      ))}
    </div>
  );
}

/**
 * A card page (loans, reservations, fees, history): the chooser, the heading with the card's label,
 * the tabs, then rows of the part. For a loading.tsx of the card pages; see docs/architecture.md
 * ("Loading and streaming") for why the card pages do not use one yet.
 */
export function CardPageSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div className="space-y-6" aria-busy="true">
      <LoadingStatus />
      <div aria-hidden="true" className="space-y-3 motion-safe:animate-pulse">
        <div className="rounded-lg border border-line p-2">
          <div className={`${block} h-11 w-1/2`} />
        </div>
        <div className={`${block} h-8 w-40`} />
        <div className={`${block} h-6 w-2/3`} />
        <div className="flex gap-2 border-b border-line pb-1">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className={`${block} h-11 w-24`} />
          ))}
        </div>
      </div>
      <div aria-hidden="true" className="space-y-2 motion-safe:animate-pulse">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className={`${block} h-12 w-full`} />
        ))}
      </div>
    </div>
  );
}
