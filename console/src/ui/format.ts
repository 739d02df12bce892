/** Display helpers shared by the tables. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** An audit actor or target may arrive as `{kind|type, id}` or as a plain string. */
export function formatRef(ref: unknown): string {
  if (ref === null || ref === undefined) return '—';
  if (typeof ref === 'string') return ref;
  if (typeof ref === 'object') {
    const r = ref as Record<string, unknown>;
    const kind = r.kind ?? r.type;
    const id = r.id;
    if (typeof kind === 'string' && typeof id === 'string') return `${kind}:${id}`;
    if (typeof id === 'string') return id;
  }
  return JSON.stringify(ref);
}
