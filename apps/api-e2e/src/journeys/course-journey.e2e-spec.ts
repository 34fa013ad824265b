import type { PlanContent } from '@enplan/core/plans';
import { startTestApp, testEngine, type TestApp } from '@enplan/core/testing';

/** These tests are about the domain rules, so they act as an integration, which may touch all case data (access rules: apps/api-e2e/src/access). */
const INTEGRATION = ['integrator'];

/**
 * One realistic course from referral to closing, through the public API only:
 * refer -> assess -> activate with a team -> first plan -> revision with a sub-goal and an action under
 * serviceloven § 85 -> a concurrent publish conflict -> handover of the primary contact -> close with an outcome.
 */
describe(`a course from referral to closing (${testEngine()})`, () => {
  let t: TestApp;
  let auth: string;
  const api = (method: 'get' | 'post' | 'put', path: string, as?: string) => t.http()[method](`/api/v1${path}`).set('Authorization', as ?? auth);

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-02T09:00:00Z' });
    auth = `Bearer ${await t.token({ roles: INTEGRATION, ttlSeconds: 90 * 86_400 })}`;
  });
  afterAll(() => t?.close());

  it('walks the whole course', async () => {
    // The people: a job-centre coordinator (the token's user), a social worker and a support contact person.
    const jobCentre = (await api('post', '/org-units').send({ kind: 'job-centre', name: 'Jobcenter' })).body.id;
    const social = (await api('post', '/org-units').send({ kind: 'adult-social', name: 'Socialafdelingen' })).body.id;
    const anne = (await api('post', '/staff').send({ id: '00000000-0000-4000-8000-000000000001', name: 'Anne', unitId: jobCentre, function: 'caseworker', authorityAreas: ['employment'] })).body.id;
    const sofie = (await api('post', '/staff').send({ name: 'Sofie', unitId: social, function: 'social-worker', authorityAreas: ['social-adults'] })).body.id;
    const mia = (await api('post', '/staff').send({ name: 'Mia', unitId: social, function: 'support-contact-person', isProvider: true })).body.id;
    const citizen = await api('post', '/citizens').send({ cpr: '120585-1237', name: 'Lars Hansen' });
    expect(citizen.status).toBe(201);
    expect(citizen.body.birthDate).toBe('1985-05-12');

    // Refer, with the reason recorded.
    const referred = await api('post', '/courses').send({
      citizenId: citizen.body.id,
      targetGroup: 'adults',
      modelId: 'generic',
      referredBy: 'Jobcenter, team 3',
      referringUnitId: jobCentre,
      referredOn: '2026-03-02',
      referralReasonCode: 'multiple-complex-problems',
      referralReason: 'Langvarig ledighed, misbrug og gæld',
    });
    expect(referred.status).toBe(201);
    const course = referred.body.id as string;
    expect(referred.body.status).toBe('referred');

    // Assess, then activate with a team.
    expect((await api('post', `/courses/${course}/transitions`).send({ to: 'assessed', reason: 'Fælles vurdering' })).status).toBe(201);
    for (const [staffMemberId, role] of [[anne, 'coordinator'], [anne, 'primary-contact'], [sofie, 'caseworker'], [mia, 'provider']]) {
      expect((await api('post', `/courses/${course}/team`).send({ staffMemberId, role, startsOn: '2026-03-02' })).status).toBe(201);
    }
    const activated = await api('post', `/courses/${course}/transitions`).send({ to: 'active', reason: 'Samtykke givet' });
    expect(activated.status).toBe(201);

    // The first plan, made with the citizen.
    const v1: PlanContent = {
      citizenWords: { worries: 'Gælden.', whatWorks: 'Min bror.', dreamsAndWishes: 'Arbejde som tømrer.' },
      overallGoal: { text: 'Jeg vil have et job med mine hænder.', citizenAgreed: true, agreedOn: '2026-03-02' },
      goals: [{ id: 'g-stable', title: 'Stabil hverdag', targetDate: '2026-06-30', status: 'in-progress', concerns: [] }],
      actions: [{ id: 'a-treat', goalId: 'g-stable', title: 'Misbrugsbehandling', legalBasis: 'SEL-101', responsible: { kind: 'staff', id: sofie }, startDate: '2026-03-05', deadline: '2026-06-30', status: 'planned' }],
      agreements: [{ id: 'ag-call', text: 'Lars ringer til gældsrådgivningen', responsible: { kind: 'citizen' }, due: '2026-03-09', done: false }],
    };
    const first = await api('post', `/courses/${course}/plan/versions`).set('If-Match', '"0"').send({ changeSummary: 'Første plan', content: v1 });
    expect(first.status).toBe(201);
    expect(first.body.version).toBe(1);

    // A revision: a sub-goal and a § 85 action under it.
    t.clock.advanceDays(30);
    const v2: PlanContent = {
      ...v1,
      goals: [...v1.goals, { id: 'g-debt', parentId: 'g-stable', title: 'Overblik over gælden', targetDate: '2026-05-01', status: 'not-started', concerns: [] }],
      actions: [...v1.actions, { id: 'a-support', goalId: 'g-debt', title: 'Socialpædagogisk støtte til gælden', legalBasis: 'SEL-85', responsible: { kind: 'staff', id: mia }, startDate: '2026-04-06', deadline: '2026-05-01', status: 'planned' }],
    };
    // Two people publish from the same base version at once: one wins, the other is told the current version.
    const [a, b] = await Promise.all([
      api('post', `/courses/${course}/plan/versions`).set('If-Match', '"1"').send({ changeSummary: 'Delmål om gæld', content: v2 }),
      api('post', `/courses/${course}/plan/versions`).set('If-Match', '"1"').send({ changeSummary: 'Samtidig ændring', content: v1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toMatchObject({ code: 'plan.version-conflict', currentVersion: 2 });

    const current = await api('get', `/courses/${course}/plan`);
    expect(current.status).toBe(200);
    expect(current.headers.etag).toBe('"2"');

    // Whichever won, versions 1 and 2 differ by exactly what that request added.
    const diff = await api('get', `/courses/${course}/plan/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    if (a.status === 201) {
      expect(diff.body.goals.added.map((g: { id: string }) => g.id)).toEqual(['g-debt']);
      expect(diff.body.actions.added.map((x: { id: string }) => x.id)).toEqual(['a-support']);
    }

    // Handover: Sofie becomes the primary contact; Anne's note follows the citizen.
    const handover = await api('post', `/courses/${course}/primary-contact`).send({ staffMemberId: sofie, handoverNote: 'Lars foretrækker sms; gælden er det vigtigste nu.', on: '2026-04-01' });
    expect(handover.status).toBe(201);
    const after = await api('get', `/courses/${course}`);
    expect(after.body.primaryContact.staffMemberId).toBe(sofie);
    const team = await api('get', `/courses/${course}/team`);
    const contacts = team.body.items.filter((x: { role: string }) => x.role === 'primary-contact');
    expect(contacts).toHaveLength(2);
    expect(contacts.find((x: { staffMemberId: string }) => x.staffMemberId === anne).endsOn).toBe('2026-04-01');
    expect(contacts.find((x: { staffMemberId: string }) => x.staffMemberId === sofie).handoverNote).toContain('sms');

    // Closing needs an outcome; then it closes with one.
    const noOutcome = await api('post', `/courses/${course}/transitions`).send({ to: 'closed', reason: 'Job', endDate: '2026-04-01' });
    expect(noOutcome.status).toBe(422);
    expect(noOutcome.body.errors[0].field).toBe('outcomeCode');
    const closed = await api('post', `/courses/${course}/transitions`).send({ to: 'closed', reason: 'Fået job', outcomeCode: 'ordinary-job', endDate: '2026-04-01' });
    expect(closed.status).toBe(201);
    const final = await api('get', `/courses/${course}`);
    expect(final.body.status).toBe('closed');
    expect(final.body.outcomeCode).toBe('ordinary-job');
    expect(final.body.transitions.map((x: { to: string }) => x.to)).toEqual(['referred', 'assessed', 'active', 'closed']);

    // The citizen's own version of the plan: Danish, no legal paragraphs, no CPR.
    const view = await api('get', `/courses/${course}/plan/citizen-view.html`);
    expect(view.status).toBe(200);
    expect(view.text).toContain('Stabil hverdag');
    expect(view.text).not.toMatch(/SEL-\d|§|1205851237/);
  });
});
