import type { TestApp } from '@enplan/core/testing';

export const YEAR = 365 * 86_400;

/** Every item of the shipped adult set, in its order (the text item last). */
export const ADULT_ITEMS = ['direction', 'next-step', 'can-manage', 'energy', 'health', 'daily-rhythm', 'money-worries', 'someone-to-ask', 'with-others', 'strengths', 'most-important'];

export interface ProgressionWorld {
  /** Bearer header of the caseworker on the team (primary contact). */
  caseworker: string;
  caseworkerId: string;
  integration: string;
  manager: string;
  unitId: string;
  citizenId: string;
  courseId: string;
}

/**
 * Through the public API: a job centre with a caseworker and a manager, a citizen referred to an adults course
 * of the generic model, assessed and activated with the caseworker as primary contact. `activateOn` is the
 * clock's day of activation.
 */
export async function arrangeProgressionWorld(t: TestApp, o: { cpr?: string; name?: string; unitId?: string; caseworkerId?: string } = {}): Promise<ProgressionWorld> {
  const integration = `Bearer ${await t.token({ userId: '00000000-0000-4000-8000-0000000000aa', roles: ['integrator'], ttlSeconds: YEAR })}`;
  const api = (method: 'get' | 'post', path: string, body?: object) => {
    const req = t.http()[method](`/api/v1${path}`).set('Authorization', integration);
    return body ? req.send(body) : req;
  };
  const ok = <T extends { status: number; body: { code?: string } }>(res: T, status = 201): T => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const unitId = o.unitId ?? ok(await api('post', '/org-units', { kind: 'job-centre', name: 'Jobcenter Syd' })).body.id;
  let caseworkerId = o.caseworkerId;
  if (!caseworkerId) {
    caseworkerId = ok(await api('post', '/staff', { name: 'Mette Holm', unitId, function: 'caseworker', authorityAreas: ['employment'] })).body.id as string;
    ok(await api('post', '/staff', { id: '00000000-0000-4000-8000-0000000000bb', name: 'Karin Berg', unitId, function: 'manager' }));
  }
  const citizen = ok(await api('post', '/citizens', { cpr: o.cpr ?? '120585-1237', name: o.name ?? 'Lars Hansen' }));
  const course = ok(
    await api('post', '/courses', {
      citizenId: citizen.body.id,
      targetGroup: 'adults',
      modelId: 'generic',
      referredBy: 'Jobcenter',
      referringUnitId: unitId,
      referredOn: t.clock.now().toISOString().slice(0, 10),
      referralReasonCode: 'multiple-complex-problems',
      referralReason: 'Langvarig ledighed',
    }),
  );
  const courseId = course.body.id as string;
  ok(await api('post', `/courses/${courseId}/transitions`, { to: 'assessed', reason: 'Fælles vurdering' }));
  ok(await api('post', `/courses/${courseId}/team`, { staffMemberId: caseworkerId, role: 'primary-contact', startsOn: t.clock.now().toISOString().slice(0, 10) }));
  ok(await api('post', `/courses/${courseId}/transitions`, { to: 'active', reason: 'Samtykke givet' }));
  const caseworker = `Bearer ${await t.token({ userId: caseworkerId, roles: ['caseworker'], ttlSeconds: YEAR })}`;
  const manager = `Bearer ${await t.token({ userId: '00000000-0000-4000-8000-0000000000bb', roles: ['manager'], ttlSeconds: YEAR })}`;
  return { caseworker, caseworkerId, integration, manager, unitId, citizenId: citizen.body.id, courseId };
}

type Answer = { itemId: string; status: 'answered' | 'skipped' | 'not-relevant'; value?: number; text?: string; comment?: string };

/** Answers from a map: a number is answered, `'skip'` skipped, `'n/a'` not relevant, other text answers a text item. */
export function answersOf(values: Record<string, number | string>): Answer[] {
  return Object.entries(values).map(([itemId, v]): Answer => {
    if (typeof v === 'number') return { itemId, status: 'answered', value: v };
    if (v === 'skip') return { itemId, status: 'skipped' };
    if (v === 'n/a') return { itemId, status: 'not-relevant' };
    return { itemId, status: 'answered', text: v };
  });
}
