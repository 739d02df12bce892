import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../testing/databases.js';
import { CSRF, operator, signInFirstTime, startTestServer, type TestServer } from './http.test-helpers.js';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[] };
type OpenApi = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };

/** A value of the wrong JSON type for a property's schema. */
function wrongTypeFor(schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? schema.anyOf?.[0]?.type);
  if (type === 'string') return 12345;
  if (type === 'array' || type === 'object') return 'not-a-list';
  return ['a string where a', 'number or boolean belongs'];
}

/**
 * Bad input on every route that takes a body or path parameters: wrong types, unknown fields,
 * bodies over the limit, invalid UTF-8, invalid JSON, bad ids. Each must be a 4xx with our error
 * shape and a message that says what is wrong, and the server must keep serving afterwards.
 * Routes come from the app's own route table, so a new route is covered without editing this file.
 */
forEachDatabase('bad input over HTTP', (getDb) => {
  let t: TestServer;
  let cookie: string;
  let routes: { method: string; url: string; hasBody: boolean }[];
  let openapi: OpenApi;

  beforeAll(async () => {
    t = await startTestServer(getDb());
    const { oneTimePassword, user } = await t.services.access.users.create(operator, {
      email: 'bad-input-admin@example.test',
      displayName: 'Bad Input Admin',
      isSecurityAdmin: true,
      assignments: [],
    });
    expect(user.isSecurityAdmin).toBe(true);
    cookie = (await signInFirstTime(t, 'bad-input-admin@example.test', oneTimePassword, 'a long passphrase for tests 1')).cookie;
    routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && (r.hasBody || r.url.includes(':')));
    openapi = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApi>();
  });
  afterAll(async () => t?.close());

  const send = (method: string, url: string, payload?: string | Buffer | object, contentType = 'application/json') =>
    t.app.inject({
      method: method as 'POST',
      url,
      headers: { ...CSRF, cookie: `cv_session=${cookie}`, ...(payload !== undefined && { 'content-type': contentType }) },
      ...(payload !== undefined && { payload }),
    });
  /** A well-formed value for each path parameter (ids are UUIDs but for alerts and task positions). */
  const WELL_FORMED: Record<string, string> = { alertId: 'al_00000000000000000000', position: '1', kind: 'gdpr_authority' };
  const concrete = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => WELL_FORMED[name] ?? '00000000-0000-4000-8000-000000000000');

  function expectClientError(res: { statusCode: number; json: () => unknown }, status: number | number[], code?: string) {
    const statuses = Array.isArray(status) ? status : [status];
    expect(statuses).toContain(res.statusCode);
    const body = res.json() as { error: string; message: string; requestId: string };
    expect(Object.keys(body).sort()).toEqual(['error', 'message', 'requestId']);
    if (code) expect(body.error).toBe(code);
    expect(body.message.length).toBeGreaterThan(5);
    return body;
  }

  it('covers some routes with bodies and some with path parameters', () => {
    expect(routes.filter((r) => r.hasBody).length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.url.includes(':')).length).toBeGreaterThan(4);
  });

  it('rejects wrong types, field by field, naming the field', async () => {
    for (const r of routes.filter((x) => x.hasBody)) {
      const openapiPath = r.url.replace(/:(\w+)/g, '{$1}');
      const schema = openapi.paths[openapiPath]?.[r.method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
      const props = Object.entries(schema?.properties ?? {});
      // Not an object at all.
      expectClientError(await send(r.method, concrete(r.url), '[1,2,3]'), 400, 'request.invalid');
      for (const [field, fieldSchema] of props) {
        const body = expectClientError(await send(r.method, concrete(r.url), { [field]: wrongTypeFor(fieldSchema) }), 400, 'request.invalid');
        expect(body.message, `${r.method} ${r.url} ${field}`).toContain('body');
      }
    }
  });

  it('rejects unknown fields', async () => {
    for (const r of routes.filter((x) => x.hasBody)) {
      const body = expectClientError(await send(r.method, concrete(r.url), { surpriseField: 'x' }), 400, 'request.invalid');
      expect(body.message, `${r.method} ${r.url}`).toMatch(/surpriseField|Unrecognized/);
    }
  });

  it('rejects bodies over the 1 MiB limit with 413', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    for (const r of routes.filter((x) => x.hasBody)) {
      expectClientError(await send(r.method, concrete(r.url), huge), 413, 'request.too_large');
    }
  });

  it('rejects invalid UTF-8 and invalid JSON with a clear message', async () => {
    const badUtf8 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    for (const r of routes.filter((x) => x.hasBody)) {
      expectClientError(await send(r.method, concrete(r.url), badUtf8), 400, 'request.invalid_utf8');
      expectClientError(await send(r.method, concrete(r.url), '{"name": '), 400, 'request.invalid_json');
      expectClientError(await send(r.method, concrete(r.url), '{"__proto__": {"isSecurityAdmin": true}}'), 400);
      expectClientError(await send(r.method, concrete(r.url), 'name=x', 'application/x-www-form-urlencoded'), 415, 'request.unsupported_media_type');
    }
  });

  it('rejects malformed and oversized path parameters', async () => {
    for (const r of routes.filter((x) => x.url.includes(':'))) {
      const bad = r.url.replace(/:(\w+)/g, 'not-an-id');
      const body = expectClientError(await send(r.method, bad, r.hasBody ? {} : undefined), 400, 'request.invalid');
      expect(body.message).toContain('params');
      expectClientError(await send(r.method, r.url.replace(/:(\w+)/g, 'x'.repeat(5000)), r.hasBody ? {} : undefined), 414, 'request.too_long');
      expectClientError(await send(r.method, r.url.replace(/:(\w+)/g, '%zz'), r.hasBody ? {} : undefined), 400, 'request.bad_url');
    }
  });

  it('rejects bad and unknown query parameters', async () => {
    expectClientError(await send('GET', '/api/v1/users?brandId=nope'), 400, 'request.invalid');
    expectClientError(await send('GET', '/api/v1/users?sneaky=1'), 400, 'request.invalid');
  });

  it('keeps serving after all of that', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `cv_session=${cookie}` } });
    expect(me.statusCode).toBe(200);
  });
});

