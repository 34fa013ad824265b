import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';

const CASEWORKER = '00000000-0000-4000-8000-000000000001';
const MANAGER = '00000000-0000-4000-8000-000000000002';

/** The web app's demo sign-in: on a demo installation only (demo seed on, local signing key), never beside an IdP. */
describe(`demo sign-in (${testEngine()})`, () => {
  describe('on a demo installation', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ seedDemo: true });
    });
    afterAll(() => t?.close());

    it('lists the demo staff of the municipalities served, without a token', async () => {
      const r = await t.http().get('/api/v1/demo/staff');
      expect(r.status).toBe(200);
      // DEMO_DEPLOYMENT serves 999 only: its caseworker and its manager.
      expect(r.body.map((s: { userId: string; municipalityCode: string; roles: string[] }) => [s.userId, s.municipalityCode, s.roles])).toEqual([
        [CASEWORKER, '999', ['caseworker']],
        [MANAGER, '999', ['manager']],
      ]);
    });

    it('gives a token for a demo staff member that the API accepts as that person', async () => {
      const r = await t.http().post('/api/v1/demo/sign-in').send({ userId: MANAGER });
      expect(r.status).toBe(200);
      expect(r.body.expiresIn).toBe(28800);
      const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${r.body.token}`);
      expect(me.body).toEqual({ userId: MANAGER, municipalityCode: '999', roles: ['manager'] });
    });

    it('refuses anyone who is not a demo staff member, and malformed input, with the field named, and bodies no route reads', async () => {
      const unknown = await t.http().post('/api/v1/demo/sign-in').send({ userId: '00000000-0000-4000-8000-000000000999' });
      expect([unknown.status, unknown.body.code, unknown.body.errors?.[0]?.field]).toEqual([422, 'demo.staff-unknown', 'userId']);
      const bad = await t.http().post('/api/v1/demo/sign-in').send({ userId: 'admin', roles: ['integrator'] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['roles', 'userId']);
      // A public write like any other: a body in another charset than UTF-8 or over 1 MB is refused before it is read.
      const latin1 = await t.http().post('/api/v1/demo/sign-in').set('Content-Type', 'application/json; charset=iso-8859-1').send(JSON.stringify({ userId: MANAGER }));
      expect([latin1.status, latin1.body.code]).toEqual([415, 'request.unsupported-media-type']);
      const huge = await t.http().post('/api/v1/demo/sign-in').send({ userId: MANAGER, pad: 'x'.repeat(1_100_000) });
      expect([huge.status, huge.body.code]).toEqual([413, 'request.too-large']);
    });
  });

  it.each([
    ['without the demo seed', { seedDemo: false, env: {} }],
    ['beside an identity provider (AUTH_JWKS_URL)', { seedDemo: true, env: { AUTH_JWKS_URL: 'https://idp.example.dk/jwks' } }],
  ])('does not exist %s', async (_name, o) => {
    const t = await startTestApp(o);
    try {
      expect((await t.http().get('/api/v1/demo/staff')).status).toBe(404);
      expect((await t.http().post('/api/v1/demo/sign-in').send({ userId: CASEWORKER })).status).toBe(404);
      const doc = await t.http().get('/api/openapi.json');
      expect(Object.keys(doc.body.paths).filter((p) => p.includes('/demo/'))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
