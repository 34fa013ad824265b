/**
 * The app's one door to the API. Types come from `@enplan/api-client`, generated from the committed OpenAPI
 * document; the client here differs from the library's only in sending no Authorization header before sign-in.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '@enplan/api-client';

export type Schemas = components['schemas'];
export type PlanContent = Schemas['PlanContentDto'];
export type Client = ReturnType<typeof createClient<paths>>;

const TOKEN_KEY = 'enplan.token';

/** Tokens live in sessionStorage (gone when the tab closes), never in URLs. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string) => sessionStorage.setItem(TOKEN_KEY, t),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export function createEnplanClient({ baseUrl, token }: { baseUrl: string; token: () => string | null }): Client {
  const client = createClient<paths>({ baseUrl });
  client.use({
    onRequest({ request }) {
      const t = token();
      if (t) request.headers.set('Authorization', `Bearer ${t}`);
      return request;
    },
  });
  return client;
}

export const api = createEnplanClient({ baseUrl: window.location.origin, token: session.token });

/** A problem+json answer, thrown so TanStack Query sees a failure; `code` is the API's stable error code. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly body: Record<string, unknown>,
  ) {
    super(`${status} ${code ?? ''} ${String(body['detail'] ?? body['title'] ?? '')}`.trim());
  }
}

/** Unwraps an openapi-fetch answer: the data, or an ApiProblem; a 401 ends the session. */
export async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await p;
  if (response.ok) return data as T;
  if (response.status === 401) {
    session.clear();
    window.location.assign('/');
  }
  const body = (error ?? {}) as Record<string, unknown>;
  throw new ApiProblem(response.status, body['code'] as string | undefined, body);
}
