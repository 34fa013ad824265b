import { DataSource } from 'typeorm';
import { Citizen, HouseholdMember } from '@enplan/core/citizens';
import { startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { arrangeAccessWorld, type AccessWorld } from './access-world.js';

describe('access: consent, visibility, grants and the access log', () => {
  let t: TestApp;
  let w: AccessWorld;
  let childId: string;

  const call = (method: 'get' | 'post' | 'put' | 'patch', path: string, as: string, body?: object) => {
    const req = t.http()[method](`/api/v1${path}`).set('Authorization', as);
    return body ? req.send(body) : req;
  };

  beforeAll(async () => {
    t = await startTestApp({ deployment: TWO_MUNICIPALITIES, now: '2026-02-02T09:00:00Z' });
    w = await arrangeAccessWorld(t);
    const ds = t.app.get(DataSource);
    const child = await ds.getRepository(Citizen).save({ municipalityId: w.municipalityId, cpr: '0101151234', name: 'Emil Jensen', birthDate: '2015-01-01' });
    childId = child.id;
    const household = (await ds.query(`SELECT household_id FROM course WHERE id = $1`, [w.courseId]))[0].household_id as string;
    await ds.getRepository(HouseholdMember).save({ municipalityId: w.municipalityId, householdId: household, citizenId: childId, relation: 'child' });
    // A family plan: a shared goal, an employment action, a children's action only authority holders see, and
    // a health agreement that concerns only the child.
    const res = await call('post', `/courses/${w.courseId}/plan/versions`, w.as.team, {
      baseVersion: 0,
      changeSummary: 'Første familieplan',
      content: {
        citizenWords: { worries: 'Huslejen', whatWorks: 'Madlavning', dreamsAndWishes: 'Et job og ro i familien' },
        overallGoal: { text: 'Et job og ro i familien', citizenAgreed: true, agreedOn: '2026-01-05' },
        goals: [{ id: 'g-family', title: 'Ro i familien', status: 'in-progress', concerns: [] }],
        actions: [
          { id: 'a-job', goalId: 'g-family', title: 'Praktik i kantine', legalBasis: 'LAB-57', responsible: { kind: 'unit', id: w.jobCentre }, startDate: '2026-02-01', status: 'planned' },
          {
            id: 'a-support',
            goalId: 'g-family',
            title: 'Støttende indsats for Emil',
            legalBasis: 'BL-32',
            responsible: { kind: 'unit', id: w.familyUnit },
            startDate: '2026-02-01',
            status: 'planned',
            concerns: [childId],
            visibility: 'authority',
          },
        ],
        agreements: [
          { id: 'ag-doctor', text: 'Emil til lægen', responsible: { kind: 'citizen' }, done: false, concerns: [childId], legalArea: 'health', visibility: 'member' },
        ],
      },
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => t?.close());

  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

  describe('visibility', () => {
    it('shows an authority-only item to holders of that authority and hides it from the rest of the team', async () => {
      const jobConsultant = await call('get', `/courses/${w.courseId}/plan`, w.as.team);
      expect(jobConsultant.status).toBe(200);
      expect(ids(jobConsultant.body.content.actions)).toEqual(['a-job']);
      const familyWorker = await call('get', `/courses/${w.courseId}/plan`, await t.token({ userId: w.ids.familyWorker, roles: ['caseworker'] }).then((x) => `Bearer ${x}`));
      expect(ids(familyWorker.body.content.actions)).toEqual(['a-job', 'a-support']);
    });

    it('keeps the items a reader cannot see when they publish what they saw', async () => {
      const seen = await call('get', `/courses/${w.courseId}/plan`, w.as.team);
      const content = { ...seen.body.content, goals: [{ ...seen.body.content.goals[0], title: 'Ro og overblik i familien' }] };
      const next = await call('post', `/courses/${w.courseId}/plan/versions`, w.as.team, { baseVersion: 1, changeSummary: 'Ny titel', content });
      expect(next.status).toBe(201);
      const full = await call('get', `/courses/${w.courseId}/plan`, w.as.integration);
      expect(full.body.version).toBe(2);
      expect(ids(full.body.content.actions)).toEqual(['a-job', 'a-support']);
      expect(full.body.content.goals[0].title).toBe('Ro og overblik i familien');
    });

    it("gives each family member their own linked plan: the shared items, their own and (with custody) their children's", async () => {
      const view = (citizenId: string) => call('get', `/courses/${w.courseId}/plan/citizen-view?citizenId=${citizenId}`, w.as.integration);
      const household = (await t.app.get(DataSource).query(`SELECT household_id FROM course WHERE id = $1`, [w.courseId]))[0].household_id as string;
      const custody = (value: boolean) => call('patch', `/households/${household}/members/${w.citizenId}`, w.as.integration, { custody: value });
      const child = await view(childId);
      // A parent holding custody (joint custody by default) is told what concerns the child.
      expect(JSON.stringify((await view(w.citizenId)).body)).toContain('Emil til lægen');
      expect((await custody(false)).status).toBe(200);
      const mother = await view(w.citizenId);
      expect((await custody(true)).status).toBe(200);
      expect(mother.status).toBe(200);
      expect(JSON.stringify(mother.body)).not.toContain('Emil til lægen');
      expect(JSON.stringify(mother.body)).not.toContain('Støttende indsats for Emil');
      expect(JSON.stringify(child.body)).toContain('Emil til lægen');
      expect(JSON.stringify(child.body)).toContain('Ro og overblik i familien');
      const stranger = await call('get', `/courses/${w.courseId}/plan/citizen-view?citizenId=${w.ids.outsider}`, w.as.integration);
      expect(stranger.status).toBe(400);
      expect(stranger.body.code).toBe('plan.reader-not-on-course');
    });

    it('refuses an authority-only item without a legal area, naming the field', async () => {
      const draft = await call('put', `/courses/${w.courseId}/plan/draft`, w.as.integration, {
        content: {
          citizenWords: { worries: '', whatWorks: '', dreamsAndWishes: '' },
          overallGoal: { text: 'x', citizenAgreed: false },
          goals: [{ id: 'g-1', title: 'Skjult mål', status: 'not-started', concerns: [], visibility: 'authority' }],
          actions: [],
          agreements: [],
        },
      });
      expect(draft.status).toBe(422);
      expect(draft.body.errors).toEqual([expect.objectContaining({ field: 'content.goals[0].legalArea', code: 'plan.visibility-needs-area' })]);
    });
  });

  describe('external participants and consent', () => {
    it('shows an external participant only the categories their consent covers', async () => {
      const res = await call('get', `/courses/${w.courseId}/plan`, w.as.external);
      expect(res.status).toBe(200);
      // general + health: the goals, not the employment or children's actions.
      expect(ids(res.body.content.goals)).toEqual(['g-family']);
      expect(res.body.content.actions).toEqual([]);
      expect(res.body.content.citizenWords.worries).toBe('Huslejen');
    });

    it('refuses an external participant whose consent was revoked, saying consent is missing', async () => {
      const res = await call('get', `/courses/${w.courseId}/plan`, w.as.externalNoConsent);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('access.consent-missing');
      expect(JSON.stringify(res.body)).not.toContain('Huslejen');
    });

    it('hides the shared content at once when the consent is revoked', async () => {
      const consents = await call('get', `/courses/${w.courseId}/consents`, w.as.team);
      const psychiatry = consents.body.items.find((c: { partyUnitIds: string[]; inForce: boolean }) => c.partyUnitIds.includes(w.psychiatry) && c.inForce);
      expect((await call('get', `/courses/${w.courseId}/plan`, w.as.external)).status).toBe(200);
      const revoked = await call('post', `/consents/${psychiatry.id}/revoke`, w.as.team, { note: 'Borgeren ringede' });
      expect(revoked.status).toBe(201);
      expect(revoked.body.inForce).toBe(false);
      const after = await call('get', `/courses/${w.courseId}/plan`, w.as.external);
      expect(after.status).toBe(403);
      expect(after.body.code).toBe('access.consent-missing');
      // The revocation is history, not deletion.
      const history = await call('get', `/courses/${w.courseId}/consents`, w.as.team);
      expect(history.body.items.find((c: { id: string }) => c.id === psychiatry.id).revokedAt).toBe('2026-02-02T09:00:00.000Z');
      expect((await call('post', `/consents/${psychiatry.id}/revoke`, w.as.team, {})).body.code).toBe('consent.already-revoked');
    });

    it('refuses to bring an external unit onto the team without a consent covering it, naming the unit', async () => {
      const ds = t.app.get(DataSource);
      const probation = (await ds.query(`INSERT INTO org_unit (municipality_id, kind, name) VALUES ($1, 'probation', 'Kriminalforsorgen') RETURNING id`, [w.municipalityId]))[0].id;
      const officer = (await ds.query(`INSERT INTO staff_member (municipality_id, name, unit_id, function) VALUES ($1, 'Per Holt', $2, 'other') RETURNING id`, [w.municipalityId, probation]))[0].id;
      const res = await call('post', `/courses/${w.courseId}/team`, w.as.team, { staffMemberId: officer, role: 'external-participant', startsOn: '2026-02-02' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'consent.missing', unitId: probation, errors: [{ field: 'staffMemberId', code: 'consent.missing' }] });
      expect(res.body.detail).toContain('Kriminalforsorgen');
      expect((await call('get', `/courses/${w.courseId}/team`, w.as.team)).body.items.some((a: { staffMemberId: string }) => a.staffMemberId === officer)).toBe(false);
    });

    it('validates consents: parties and categories for sharing, a witness for oral consent, the citizen on the course', async () => {
      const base = { kind: 'information-sharing', citizenId: w.citizenId, purpose: 'Koordinering', validFrom: '2026-02-01', form: 'written' };
      const noParties = await call('post', `/courses/${w.courseId}/consents`, w.as.team, { ...base, categories: ['general'] });
      expect(noParties.body.errors[0]).toMatchObject({ field: 'partyUnitIds', code: 'consent.parties-required' });
      const oral = await call('post', `/courses/${w.courseId}/consents`, w.as.team, { ...base, partyUnitIds: [w.school], categories: ['general'], form: 'oral-witnessed' });
      expect(oral.body.errors[0]).toMatchObject({ field: 'witness', code: 'consent.witness-required' });
      const stranger = await call('post', `/courses/${w.courseId}/consents`, w.as.team, { ...base, citizenId: w.ids.outsider, partyUnitIds: [w.school], categories: ['general'] });
      expect(stranger.body.errors[0]).toMatchObject({ field: 'citizenId', code: 'consent.citizen-not-on-course' });
      const badCategory = await call('post', `/courses/${w.courseId}/consents`, w.as.team, { ...base, partyUnitIds: [w.school], categories: ['gossip'] });
      expect(badCategory.status).toBe(400);
      expect(badCategory.body.errors[0].field).toBe('categories');
    });
  });

  describe('temporary access and lists', () => {
    it('lets a manager grant temporary access with a reason, which goes into the log with every use, until it expires', async () => {
      expect((await call('get', `/courses/${w.courseId}`, w.as.outsider)).status).toBe(403);
      const tooLong = await call('post', `/courses/${w.courseId}/access-grants`, w.as.manager, { staffMemberId: w.ids.outsider, reason: 'Ferieafløsning', validUntil: '2026-04-30' });
      expect(tooLong.body.errors[0]).toMatchObject({ field: 'validUntil', code: 'access-grant.too-long' });
      const byTeam = await call('post', `/courses/${w.courseId}/access-grants`, w.as.team, { staffMemberId: w.ids.outsider, reason: 'Ferieafløsning', validUntil: '2026-02-10' });
      expect(byTeam.status).toBe(403);
      const grant = await call('post', `/courses/${w.courseId}/access-grants`, w.as.manager, { staffMemberId: w.ids.outsider, reason: 'Ferieafløsning uge 7', validUntil: '2026-02-10' });
      expect(grant.status).toBe(201);
      expect((await call('get', `/courses/${w.courseId}`, w.as.outsider)).status).toBe(200);
      const listed = await call('get', `/courses`, w.as.outsider);
      expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([w.courseId]);
      const log = await call('get', `/courses/${w.courseId}/access-log?actorId=${w.ids.outsider}`, w.as.manager);
      expect(log.status).toBe(200);
      expect(log.body.items).toContainEqual(
        expect.objectContaining({ actorId: w.ids.outsider, route: 'GET /api/v1/courses/:id', basis: 'grant', reason: 'Ferieafløsning uge 7', outcome: 'allowed' }),
      );
      t.clock.set('2026-02-11T09:00:00Z');
      const outsider = `Bearer ${await t.token({ userId: w.ids.outsider, roles: ['caseworker'] })}`;
      expect((await call('get', `/courses/${w.courseId}`, outsider)).status).toBe(403);
      expect((await call('get', `/courses`, outsider)).body.items).toEqual([]);
      t.clock.set('2026-02-02T09:00:00Z');
    });

    it('lists for a caseworker only the courses whose team they are on, and for an integration all', async () => {
      const other = await call('post', `/citizens`, w.as.integration, { cpr: '0202801234', name: 'Bo Hansen' });
      const course = await call('post', `/courses`, w.as.integration, {
        citizenId: other.body.id,
        targetGroup: 'adults',
        modelId: 'generic',
        referredBy: 'Jobcenter',
        referredOn: '2026-02-01',
        referralReasonCode: 'long-term-benefit',
        referralReason: 'Længe på ydelse',
      });
      expect(course.status).toBe(201);
      const team = await call('get', `/courses`, w.as.team);
      expect(team.body.items.map((c: { id: string }) => c.id)).toEqual([w.courseId]);
      expect(team.body.total).toBe(1);
      const all = await call('get', `/courses`, w.as.integration);
      expect(all.body.total).toBe(2);
    });

    it('puts a referring caseworker on the new course, so it stays in their view', async () => {
      const citizen = await call('post', `/citizens`, w.as.outsider, { cpr: '0303801234', name: 'Ida Holm' });
      expect(citizen.status).toBe(201);
      const course = await call('post', `/courses`, w.as.outsider, {
        citizenId: citizen.body.id,
        targetGroup: 'adults',
        modelId: 'generic',
        referredBy: 'Jobcenter Nord',
        referredOn: '2026-02-01',
        referralReasonCode: 'long-term-benefit',
        referralReason: 'Længe på ydelse',
      });
      expect(course.status).toBe(201);
      expect(course.body.team).toEqual([expect.objectContaining({ staffMemberId: w.ids.outsider, role: 'caseworker' })]);
      expect((await call('get', `/courses/${course.body.id}`, w.as.outsider)).status).toBe(200);
      expect((await call('get', `/courses/${course.body.id}`, w.as.team)).status).toBe(403);
    });
  });

  describe('the access log', () => {
    it("answers the citizen's question: who has looked at my case, including refused attempts", async () => {
      await call('get', `/courses/${w.courseId}/plan`, w.as.team);
      const log = await call('get', `/citizens/${w.citizenId}/access-log?limit=100`, w.as.manager);
      expect(log.status).toBe(200);
      const entries = log.body.items as { actorId: string; route: string; outcome: string; operation: string; basis: string }[];
      expect(entries).toContainEqual(expect.objectContaining({ actorId: w.ids.teamMember, route: 'GET /api/v1/courses/:courseId/plan', outcome: 'allowed', operation: 'read', basis: 'team' }));
      expect(entries).toContainEqual(expect.objectContaining({ actorId: w.ids.externalTeacher, outcome: 'denied' }));
      // Only ids and route templates: no names, CPR numbers or content.
      expect(JSON.stringify(log.body)).not.toMatch(/Anna|0101901234|Huslejen/);
      const caseworker = await call('get', `/citizens/${w.citizenId}/access-log`, w.as.team);
      expect(caseworker.status).toBe(403);
    });

    it('cannot be altered or emptied through the application connection', async () => {
      const ds = t.app.get(DataSource);
      const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM access_log`);
      expect(count).toBeGreaterThan(0);
      await expect(ds.query(`UPDATE access_log SET actor_id = $1`, [w.ids.outsider])).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM access_log`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only/);
      const [{ after }] = await ds.query(`SELECT count(*)::int AS after FROM access_log`);
      expect(after).toBeGreaterThanOrEqual(count);
    });
  });
});
