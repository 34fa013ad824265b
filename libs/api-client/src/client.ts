import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './generated/openapi.js';

export type { components, operations, paths };
/** A schema of the document by name, e.g. `Schema<'CourseDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type EnplanClient = Client<paths>;

export interface EnplanClientOptions {
  /** Where the API answers, without the `/api/v1` prefix (the paths carry it), e.g. `https://enplan.kommune.dk`. */
  baseUrl: string;
  /**
   * The bearer token (a JWT with `sub`, `municipality`, `roles`), or a function asked before every request,
   * so a caller can renew a token that is about to expire without building a new client.
   */
  token: string | (() => string | Promise<string>);
  /** A fetch to use instead of the global one (tests, proxies, retries). */
  fetch?: ClientOptions['fetch'];
}

/**
 * A typed client of the enplan API, generated from the committed OpenAPI document (docs/openapi.json).
 * Calls name the path and method, not the operationId, so a renamed operation does not break callers:
 * `client.GET('/api/v1/courses/{id}', { params: { path: { id } } })` answers `{ data, error, response }`,
 * where `error` is the problem+json body when the status is not 2xx.
 */
export function createEnplanClient({ baseUrl, token, fetch }: EnplanClientOptions): EnplanClient {
  const client = createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, ''), ...(fetch ? { fetch } : {}) });
  client.use({
    async onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${typeof token === 'function' ? await token() : token}`);
      return request;
    },
  });
  return client;
}
