/**
 * Who the actors are: role and assigned brands, for peer groups ("agents of brand X") and for
 * telling an attempt outside one's brands from a permission slip inside them. Optional: without
 * an entry, an actor's peer group is its kind and its brands are the ones it has used.
 */
export interface DirectoryEntry {
  id: string;
  kind: 'user' | 'api_key';
  role: string;
  brands: string[];
}

export type Directory = ReadonlyMap<string, DirectoryEntry>;

export const directoryKey = (kind: string, id: string): string => `${kind}:${id}`;

export function buildDirectory(entries: Iterable<DirectoryEntry>): Directory {
  const map = new Map<string, DirectoryEntry>();
  for (const e of entries) map.set(directoryKey(e.kind, e.id), e);
  return map;
}
