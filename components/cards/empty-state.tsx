// What a patron sees instead of an empty table: what the list is for and what to do next.
export function EmptyState({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-line bg-surface p-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 text-muted">{children}</p>
    </div>
  );
}
