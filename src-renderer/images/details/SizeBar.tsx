/** Shared and unique bytes as one bar; decorative, the numbers beside it carry the meaning. */
export function SizeBar({ shared, unique }: { shared: number; unique: number }) {
  const total = shared + unique;
  if (total <= 0) return null;
  const pct = (n: number) => `${((n / total) * 100).toFixed(2)}%`;
  return (
    <div className="size-bar" aria-hidden="true">
      <span className="size-bar-shared" style={{ width: pct(shared) }} />
      <span className="size-bar-unique" style={{ width: pct(unique) }} />
    </div>
  );
}
