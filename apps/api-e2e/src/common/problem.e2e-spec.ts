import { startTestApp, type TestApp } from '@enplan/core/testing';

/** These tests are about the domain rules, so they act as an integration, which may touch all case data (access rules: apps/api-e2e/src/access). */
const INTEGRATION = ['integrator'];

/** Errors raised by the framework itself also come out as RFC 9457 problem+json with a stable code. */
describe('problem+json for framework errors', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp({ captureLogs: true });
    auth = `Bearer ${await t.token({ roles: INTEGRATION })}`;
  });
  afterAll(() => t?.close());

  it('404 for an unknown route', async () => {
    const res = await t.http().get('/api/v1/no-such-thing').set('Authorization', auth);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'urn:enplan:problem:http.route-not-found',
      title: 'Not found',
      status: 404,
      detail: 'No such route',
      instance: '/api/v1/no-such-thing',
      code: 'http.route-not-found',
      requestId: res.headers['x-request-id'],
    });
  });

  it('400 for a malformed JSON body, without echoing the body', async () => {
    const res = await t.http().post('/api/v1/me').set('Authorization', auth).set('Content-Type', 'application/json').send('{"cpr": "0101901234",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.malformed-body');
    expect(JSON.stringify(res.body)).not.toContain('0101901234');
  });

  it('keeps a well-formed caller request id and replaces a suspicious one', async () => {
    const kept = await t.http().get('/health').set('X-Request-Id', 'gateway-req-12345');
    expect(kept.headers['x-request-id']).toBe('gateway-req-12345');
    const replaced = await t.http().get('/health').set('X-Request-Id', '<script>alert(1)</script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never writes a CPR number to the logs, whatever the request carried', async () => {
    await t.http().get('/api/v1/citizens/0101901234?cpr=020285-1234').set('Authorization', auth);
    await t.http().post('/api/v1/me').set('Authorization', auth).set('Content-Type', 'application/json').send('{"cpr":"0303751234"');
    const logs = t.logs.join('\n');
    expect(logs).toContain('request completed');
    // The scrubber works on finished lines, so the serialised response keeps its status.
    expect(logs).toMatch(/"res":\{"statusCode":404\}/);
    expect(logs).not.toMatch(/0101901234|020285-?1234|0303751234/);
    // Tokens are credentials: they must not be logged either.
    expect(logs).not.toContain(auth.slice(7, 40));
  });
});
