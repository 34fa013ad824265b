import { generateKeyPair, SignJWT } from 'jose';
import { startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';

/** Every /api/v1 route needs a verified bearer token; each failure is a problem+json with its own code. */
describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES });
  });
  afterAll(() => t?.close());

  const me = (auth?: string) => {
    const r = t.http().get('/api/v1/me');
    return auth ? r.set('Authorization', auth) : r;
  };

  function expectProblem(res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, type: `urn:enplan:problem:${code}`, instance: '/api/v1/me' });
    expect(typeof res.body.title).toBe('string');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  }

  it('accepts a valid token and reports the caller', async () => {
    const res = await me(`Bearer ${await t.token({ roles: ['caseworker', 'manager'] })}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: '00000000-0000-4000-8000-000000000001', municipalityCode: '999', roles: ['caseworker', 'manager'] });
  });

  it('serves a token of the second municipality as that municipality', async () => {
    const res = await me(`Bearer ${await t.token({ municipality: '101' })}`);
    expect(res.status).toBe(200);
    expect(res.body.municipalityCode).toBe('101');
  });

  it('401 without a token', async () => {
    expectProblem(await me(), 401, 'auth.token-missing');
  });

  it('401 for a malformed authorization header', async () => {
    expectProblem(await me('Basic dXNlcjpwYXNz'), 401, 'auth.token-missing');
  });

  it('401 for an expired token (time from the injected clock)', async () => {
    const token = await t.token({ ttlSeconds: 600 });
    expect((await me(`Bearer ${token}`)).status).toBe(200);
    t.clock.advanceDays(1);
    expectProblem(await me(`Bearer ${token}`), 401, 'auth.token-expired');
    t.clock.advanceDays(-1);
  });

  it('401 for a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ municipality: '999', roles: ['manager'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('attacker')
      .setIssuer('enplan-local')
      .setAudience('enplan-api')
      .setIssuedAt(Math.floor(t.clock.now().getTime() / 1000))
      .setExpirationTime('1h')
      .sign(privateKey);
    expectProblem(await me(`Bearer ${forged}`), 401, 'auth.token-invalid');
  });

  it('401 for a tampered token', async () => {
    const [h, p, s] = (await t.token()).split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.roles = ['admin'];
    const tampered = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    expectProblem(await me(`Bearer ${tampered}`), 401, 'auth.token-invalid');
  });

  it('401 for a token whose subject is not a uuid', async () => {
    expectProblem(await me(`Bearer ${await t.token({ userId: 'not-a-uuid' })}`), 401, 'auth.claims-invalid');
  });

  it('403 for a token of a municipality this deployment does not serve', async () => {
    expectProblem(await me(`Bearer ${await t.token({ municipality: '461' })}`), 403, 'auth.municipality-not-served');
  });

  it('leaves /health open', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');
  });
});
