// A table that scrolls sideways inside its own labelled, focusable box on narrow screens (360 px),
// so keyboard users can scroll it too and the page itself never scrolls sideways.
export function TableRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg border border-line bg-surface">
      {children}
    </div>
  );
}

export const th = 'px-3 py-2 text-left align-bottom text-sm font-semibold text-muted';
export const td = 'px-3 py-2 align-top';
export const tableClass = 'w-full min-w-[40rem] border-collapse text-left';
export const captionClass = 'px-3 pt-3 pb-1 text-left font-semibold';
