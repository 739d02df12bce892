import { ApiError } from '../api.js';

/** Shows what went wrong, with the request id support can look up in the server logs. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const api = error instanceof ApiError ? error : undefined;
  const message = api ? api.message : error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {api && (
        <p className="notice-meta">
          <code>{api.code}</code>
          {api.requestId && (
            <>
              {' · request id '}
              <code data-testid="request-id">{api.requestId}</code>
            </>
          )}
        </p>
      )}
    </div>
  );
}
