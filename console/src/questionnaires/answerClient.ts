import type { AnswerValue, Definition } from '../../../src/questionnaires/engine/index.js';
import { ApiError } from '../api.js';

export interface LinkQuestionnaire {
  questionnaireId: string;
  vendorName: string;
  round: number;
  expiresAt: string;
  definition: Definition;
  answers: Record<string, AnswerValue>;
  draftSavedAt: string | null;
  reviewComment: string | null;
}

/**
 * The vendor's side has no session: the link's token goes in a header (never in a URL), and a 401
 * here must not send anyone to the sign-in page, so this does not use the console's session client.
 */
async function call<T>(method: 'GET' | 'PUT' | 'POST', path: string, token: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-questionnaire-token': token };
  if (method !== 'GET') headers['x-callvault-csrf'] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1/questionnaire-link${path}`, { method, headers, credentials: 'omit', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.', undefined);
  }
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new ApiError(res.status, String(data.error ?? `http.${res.status}`), String(data.message ?? 'Request failed'), typeof data.requestId === 'string' ? data.requestId : undefined);
  return data as T;
}

export const answerApi = {
  open: (token: string) => call<LinkQuestionnaire>('GET', '', token),
  saveDraft: (token: string, answers: Record<string, AnswerValue>) => call<{ draftSavedAt: string }>('PUT', '/answers', token, { answers }),
  submit: (token: string, answers: Record<string, AnswerValue>) => call<{ submittedAt: string; findings: number }>('POST', '/submit', token, { answers }),
};
