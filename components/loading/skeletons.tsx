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
