import { DataSource } from 'typeorm';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { apiClient, startTestApp, TWO_MUNICIPALITIES, type TestApp } from '@enplan/core/testing';
import { addCourse, addStaff, joinTeam, meetingWorld, planContent, type PlanWorld } from './meeting-test-fixtures.js';

type Item = { kind: string; ref: string; state: string; dueOn: string; courseId: string };

describe('provider orders and reports (e2e)', () => {
  let t: TestApp;
  let token: string;
  let w: PlanWorld;
  let providerUnitId: string;
  let mentorId: string;
  let orderId: string;
  const api = apiClient(() => t, () => `Bearer ${token}`);
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const setNow = async (to: string) => {
    t.clock.set(to);
    token = await t.token();
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-01-05T09:00:00Z', deployment: TWO_MUNICIPALITIES });
    token = await t.token();
    w = await meetingWorld(t);
    const ds = t.app.get(DataSource);
    providerUnitId = (await ds.getRepository(OrgUnit).save({ municipalityId: w.municipalityId, kind: 'adult-social', name: 'Mentorhuset' })).id;
    mentorId = (await ds.getRepository(StaffMember).save({ municipalityId: w.municipalityId, name: 'Mia Mentor', unitId: providerUnitId, function: 'mentor', isProvider: true })).id;
    // Ordering an action decides it: the caseworker holds authority in its area (LAB-57: employment).
    await ds.getRepository(StaffMember).update({ id: w.staffId }, { authorityAreas: ['employment'] });
    const v1 = await api.post(`/courses/${w.courseId}/plan/versions`, { changeSummary: 'Første plan', content: planContent(w), baseVersion: 0 });
    expect(v1.status).toBe(201);
  });
  afterAll(() => t?.close());

  const order = (o: object = {}) => ({
    actionId: 'a-praktik',
    purpose: 'Mentorstøtte: følge Anna til praktikstedet de første fire uger',
    providerUnitId,
    providerStaffId: mentorId,
    reportEveryDays: 30,
    startsOn: '2026-02-01',
    ...o,
  });

  it('refuses an order from a team member without authority in the action’s legal area, naming the law, paragraph and area', async () => {
    const before = await count('provider_order');
    const other = await addStaff(t, w.municipalityId, 'Ole Uden Myndighed', w.unitId);
    await joinTeam(t, w.courseId, other.staffId);
    const res = await api.post(`/courses/${w.courseId}/provider-orders`, order(), `Bearer ${await t.token({ userId: other.staffId })}`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'plugin.decision-authority',
      errors: [{ field: 'actionId', code: 'plugin.decision-authority' }],
      decisions: [{ field: 'actionId', legalArea: 'employment', legalBasis: 'LAB-57' }],
    });
    expect(res.body.detail).toContain('lov om en aktiv beskæftigelsesindsats § 57 (employment)');
    expect(res.body.detail).not.toContain('Ole');
    expect(await count('provider_order')).toBe(before);
  });

  it('orders an action of the published plan from a provider, expecting a report every 30 days', async () => {
    const res = await api.post(`/courses/${w.courseId}/provider-orders`, order());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      courseId: w.courseId,
      actionId: 'a-praktik',
      actionTitle: 'Virksomhedspraktik i kantine',
      providerUnitId,
      providerStaffId: mentorId,
      reportEveryDays: 30,
      startsOn: '2026-02-01',
      endsOn: null,
      reports: 0,
      lastReportOn: null,
      nextReportDue: '2026-03-03',
      reportOverdue: false,
      createdBy: w.staffId,
    });
    orderId = res.body.id;
    expect((await api.get(`/courses/${w.courseId}/provider-orders`)).body.items.map((o: { id: string }) => o.id)).toEqual([orderId]);
    expect((await api.get(`/provider-orders/${orderId}`)).body.id).toBe(orderId);
  });

  it('refuses an order that does not fit, naming the field, and saves nothing', async () => {
    const before = await count('provider_order');
    const cases: [object, number, string, string][] = [
      [{ actionId: 'a-unknown' }, 422, 'provider-order.action-unknown', 'actionId'],
      [{ providerUnitId: '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60' }, 422, 'provider-order.unit-unknown', 'providerUnitId'],
      [{ providerStaffId: w.staffId }, 422, 'provider-order.staff-unknown', 'providerStaffId'],
      [{ endsOn: '2026-01-31' }, 422, 'provider-order.ends-before-start', 'endsOn'],
      [{}, 409, 'provider-order.duplicate', 'actionId'],
    ];
    for (const [o, status, code, field] of cases) {
      const res = await api.post(`/courses/${w.courseId}/provider-orders`, order(o));
      expect([res.status, res.body.code, res.body.errors?.[0]?.field]).toEqual([status, code, field]);
    }
    const malformed = await api.post(`/courses/${w.courseId}/provider-orders`, order({ reportEveryDays: 0, startsOn: '2026-13-01' }));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['reportEveryDays', 'startsOn']);
    // A course without a published plan has no action to order.
    const bare = await addCourse(t, w.municipalityId, { cpr: '0202851234', name: 'Bo Nielsen' });
    await joinTeam(t, bare.courseId, w.staffId, 'primary-contact');
    expect((await api.post(`/courses/${bare.courseId}/provider-orders`, order())).body.code).toBe('provider-order.action-unknown');
    expect(await count('provider_order')).toBe(before);
  });

  it('puts a missing report on the work list as overdue, and takes it off when the report arrives', async () => {
    await setNow('2026-03-02T09:00:00Z');
    expect((await api.get('/work-list')).body.items.some((i: Item) => i.kind === 'provider-report-overdue')).toBe(false);

    await setNow('2026-03-04T09:00:00Z');
    const item = (await api.get('/work-list')).body.items.find((i: Item) => i.kind === 'provider-report-overdue');
    expect(item).toMatchObject({ state: 'overdue', dueOn: '2026-03-03', ref: orderId, courseId: w.courseId });
    expect((await api.get(`/org-units/${w.unitId}/work-list`)).body.items.some((i: Item) => i.kind === 'provider-report-overdue' && i.ref === orderId)).toBe(true);
    expect((await api.get(`/provider-orders/${orderId}`)).body.reportOverdue).toBe(true);

    const report = await api.post(`/provider-orders/${orderId}/reports`, { receivedOn: '2026-03-04', summary: 'Anna er mødt stabilt op fire dage om ugen.' });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({ orderId, receivedOn: '2026-03-04', createdBy: w.staffId });
    expect((await api.get('/work-list')).body.items.some((i: Item) => i.kind === 'provider-report-overdue')).toBe(false);
    expect((await api.get(`/provider-orders/${orderId}`)).body).toMatchObject({ reports: 1, lastReportOn: '2026-03-04', nextReportDue: '2026-04-03', reportOverdue: false });

    await setNow('2026-04-05T09:00:00Z');
    expect((await api.get('/work-list')).body.items.find((i: Item) => i.kind === 'provider-report-overdue')).toMatchObject({ dueOn: '2026-04-03' });
  });

  it('refuses a report dated before the start or in the future, and keeps the order’s reports newest first', async () => {
    const before = await count('provider_report');
    const early = await api.post(`/provider-orders/${orderId}/reports`, { receivedOn: '2026-01-15', summary: 'x' });
    expect([early.status, early.body.code, early.body.errors[0].field]).toEqual([422, 'provider-report.before-start', 'receivedOn']);
    const future = await api.post(`/provider-orders/${orderId}/reports`, { receivedOn: '2026-04-10', summary: 'x' });
    expect([future.status, future.body.code]).toEqual([422, 'provider-report.in-future']);
    expect((await api.post(`/provider-orders/${orderId}/reports`, { receivedOn: '2026-04-05', summary: '' })).status).toBe(400);
    expect(await count('provider_report')).toBe(before);

    await api.post(`/provider-orders/${orderId}/reports`, { receivedOn: '2026-04-05', summary: 'Praktikken går godt.' });
    const list = await api.get(`/provider-orders/${orderId}/reports`);
    expect(list.body.items.map((r: { receivedOn: string }) => r.receivedOn)).toEqual(['2026-04-05', '2026-03-04']);
  });

  it('keeps other municipalities out', async () => {
    const other = `Bearer ${await t.token({ municipality: '101', roles: ['integrator'] })}`;
    const res = await api.get(`/provider-orders/${orderId}/reports`, other);
    expect([res.status, res.body.code]).toEqual([404, 'provider-order.not-found']);
    expect((await api.post(`/provider-orders/${orderId}/reports`, { receivedOn: '2026-04-05', summary: 'x' }, other)).status).toBe(404);
  });
});
