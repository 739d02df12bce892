import { openSegments, sealSegments, segmentedLayout } from '../vault/segmented.js';
import { storageErrors, type ObjectStore } from './object-store.js';

/**
 * Objects sealed with a record key (vault/segmented.ts) in an object store: written as a stream,
 * read back whole or in a plaintext byte range. `purpose` is bound into every segment, so an object
 * copied under another record's key or name does not open.
 */
export async function putSealedObject(store: ObjectStore, key: string, recordKey: Buffer, purpose: string, source: AsyncIterable<Uint8Array>): Promise<{ bytes: number }> {
  return store.put(key, sealSegments(recordKey, purpose, source));
}

export interface SealedObjectInfo {
  plainBytes: number;
  sealedBytes: number;
  header: Buffer;
}

export async function sealedObjectInfo(store: ObjectStore, key: string): Promise<SealedObjectInfo> {
  const sealedBytes = await store.size(key);
  if (sealedBytes === null) throw storageErrors.not_found();
  const parts: Buffer[] = [];
  for await (const chunk of store.read(key, 0, 16)) parts.push(Buffer.from(chunk));
  const header = Buffer.concat(parts);
  return { header, sealedBytes, plainBytes: segmentedLayout(header, sealedBytes).plainBytes };
}

/** Plaintext bytes [start, end) (default: all) of a sealed object. */
export async function* readSealedObject(
  store: ObjectStore,
  key: string,
  recordKey: Buffer,
  purpose: string,
  range?: { start: number; end: number },
  info?: SealedObjectInfo,
): AsyncGenerator<Buffer> {
  const { header, sealedBytes } = info ?? (await sealedObjectInfo(store, key));
  yield* openSegments(recordKey, purpose, header, sealedBytes, (from, to) => store.read(key, from, to), range);
}
