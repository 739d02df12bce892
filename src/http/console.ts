import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from './error-handler.js';

/** console/dist, from src/http (tsx, tests) and from dist/http (the built server) alike. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

/**
 * Serves the built React console and falls back to index.html for its client-side routes (a
 * reload on /audit must not 404). API paths never fall back: an unknown /api route is a JSON 404.
 * Hashed assets are cached for a year; index.html never, so a new build is picked up at once.
 */
export async function registerConsole(app: FastifyInstance, root: string = CONSOLE_DIST): Promise<boolean> {
  const built = existsSync(`${root}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: true,
      index: ['index.html'],
      setHeaders(reply, path) {
        void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (built && wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return notFound(req, reply);
  });
  return built;
}
