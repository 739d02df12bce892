/**
 * Reads what is left of an uploaded file part and drops it. Some requests are answered before
 * their file is read (a retried delivery whose Idempotency-Key names a stored call, a refused
 * file type); a body left unread holds the client's keep-alive connection, and its next request
 * waits for the server's timeout. busboy's fileSize limit bounds what is read here.
 */
export async function drainUpload(file: NodeJS.ReadableStream & { readableEnded?: boolean; destroyed?: boolean }): Promise<void> {
  if (file.readableEnded === true || file.destroyed === true) return;
  try {
    for await (const chunk of file) void chunk;
  } catch {
    // A stream cut short (client gone, size limit) has nothing more to read.
  }
}
