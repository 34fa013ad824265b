import { startTestApp, type TestApp } from '@enplan/core/testing';
describe('scratch', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ seedDemo: true }); });
  afterAll(() => t?.close());
  it('probes', async () => {
    const auth = `Bearer ${await t.token({ roles: ['integrator', 'caseworker', 'manager', 'admin'] })}`;
    for (const [m, u, b] of [['get', '/api/v1/courses?bogus=1'], ['get', '/api/v1/courses?limit=abc'], ['post', '/api/v1/meetings/00000000-0000-4000-8000-000000000001/cancel', { x: 1 }], ['delete', '/api/v1/webhooks/00000000-0000-4000-8000-000000000001', { x: 1 }], ['get', '/api/v1/me?x=1']] as [string, string, object?][]) {
      const r = t.http({ unchecked: '1' })[m as 'get'](u).set('Authorization', auth);
      const res = await (b ? r.send(b) : r);
      console.log(m, u, res.status, JSON.stringify(res.body).slice(0, 200));
    }
  });
});
