// While the overview loads: its heading at once and placeholders for the cards, with one status
// region that says it is loading (components/loading/skeletons.tsx).
import { OverviewCardsSkeleton } from '@/components/loading/skeletons';
import { OverviewHeading } from '@/components/overview/overview-heading';

export default function OverviewLoading() {
  return (
    <div className="space-y-6">
      <OverviewHeading />
      <OverviewCardsSkeleton />
    </div>
  );
}
