import { IsOptional, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { definePlugin } from '@enplan/plugin-api';
import { startTestApp, type TestApp } from '@enplan/core/testing';
import { arrangeAccessWorld, type AccessWorld } from './access-world.js';

class QualityReviewSettings {
  /** The unit whose staff review case quality and may therefore read every course (not change it). */
  @IsOptional() @IsUUID()
  reviewUnitId?: string;
}

/** A municipality's add-on widening access through the plugin API's access-rule extension point. */
const qualityReview = definePlugin<QualityReviewSettings>({
  id: 'quality-review',
  displayName: 'Kvalitetsgennemgang (test)',
  version: '0.1.0',
  pluginApi: '*',
  settings: QualityReviewSettings,
  extensions: {
    // Async, and reading the core's facts through the hook context, as the other ruling extension points do.
    accessRules: async (rules, who, ctx) => {
      if (!who.staff || ctx.principal.userId !== who.principal.userId) return;
      const me = await ctx.core.staff.get(who.staff.id);
      if (me?.active && me.unitId === ctx.settings.reviewUnitId) rules.can('read', 'Course');
    },
  },
});

const REVIEW_UNIT = '6f1c0d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';

describe('access rules from plugins', () => {
  let t: TestApp;
  let w: AccessWorld;

  beforeAll(async () => {
    t = await startTestApp({
      plugins: [qualityReview],
      deployment: {
        municipalities: [
          { code: '999', name: 'A', plugins: [{ id: 'quality-review', settings: { reviewUnitId: REVIEW_UNIT } }] },
          { code: '101', name: 'B', plugins: [] },
        ],
      },
      now: '2026-02-02T09:00:00Z',
    });
    // The job centre is the review unit here: its staff off the team (the "outsider") may read, nothing more.
    w = await arrangeAccessWorld(t, { jobCentreId: REVIEW_UNIT });
  });
  afterAll(() => t?.close());

  it('lets an enabled plugin widen access, only as far as its rule says', async () => {
    const read = await t.http().get(`/api/v1/courses/${w.courseId}`).set('Authorization', w.as.outsider);
    expect(read.status).toBe(200);
    const write = await t
      .http()
      .post(`/api/v1/courses/${w.courseId}/transitions`)
      .set('Authorization', w.as.outsider)
      .send({ to: 'paused', reason: 'Ferie' });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('access.denied');
    // Staff of other units gain nothing from it.
    const ds = t.app.get(DataSource);
    const [{ id }] = await ds.query(`INSERT INTO staff_member (municipality_id, name, unit_id, function) VALUES ($1, 'Eva Lund', $2, 'family-counsellor') RETURNING id`, [
      w.municipalityId,
      w.familyUnit,
    ]);
    const familyWorkerOffTeam = `Bearer ${await t.token({ userId: id, roles: ['caseworker'] })}`;
    expect((await t.http().get(`/api/v1/courses/${w.courseId}`).set('Authorization', familyWorkerOffTeam)).status).toBe(403);
  });
});
