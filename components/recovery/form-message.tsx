// The live region under a recovery form: errors are announced assertively, confirmations politely.
export function FormMessage({ tone, children, id }: { tone: 'error' | 'success'; children: React.ReactNode; id?: string }) {
  return (
    <p
      id={id}
      role={tone === 'error' ? 'alert' : 'status'}
      className={
        tone === 'error'
          ? 'rounded-md border-2 border-accent bg-accent-soft px-4 py-3 text-ink'
          : 'rounded-md border-2 border-brand bg-brand-soft px-4 py-3 text-ink'
      }
    >
      {children}
    </p>
  );
}

export const inputClass =
  'mt-1 block w-full max-w-md rounded-md border-2 border-line bg-surface px-3 py-2 text-ink min-h-11';
export const labelClass = 'block font-semibold';
