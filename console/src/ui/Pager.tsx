/**
 * Newer / Older over cursor pages: `cursors` are the `before` cursors of the pages already seen, so
 * stepping back needs no state on the server.
 */
export function Pager({ label, cursors, next, onChange }: { label: string; cursors: string[]; next: string | null | undefined; onChange: (cursors: string[]) => void }) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={cursors.length === 0} onClick={() => onChange(cursors.slice(0, -1))}>
        Newer
      </button>
      <span>Page {cursors.length + 1}</span>
      <button type="button" disabled={next === null || next === undefined} onClick={() => next !== null && next !== undefined && onChange([...cursors, next])}>
        Older
      </button>
    </nav>
  );
}
