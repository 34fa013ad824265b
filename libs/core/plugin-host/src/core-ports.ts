import { isUUID } from 'class-validator';
import { In, IsNull, LessThanOrEqual, MoreThan, type EntityManager } from 'typeorm';
import { Citizen } from '@enplan/core/citizens';
import { Consent, Course, courseFacts, inForce, sharedCategoriesByUnit, TeamAssignment } from '@enplan/core/courses';
import {
  caseloadCap,
  loadStaffFacts,
  staffFacts,
  type CaseloadPolicy,
  type ConsentFacts,
  type CorePorts,
  type MeetingFacts,
  type OrgUnitFacts,
  type PlanFacts,
} from '@enplan/core/extensions';
import { Meeting, MeetingParticipant } from '@enplan/core/meetings';
import { OrgUnit } from '@enplan/core/organisation';
import { Plan, PlanVersion, planContentFacts } from '@enplan/core/plans';
import { danishDay } from '@enplan/shared/util';

export interface PortBinding {
  em: EntityManager;
  municipalityId: string;
  now: Date;
  /** The caseload policy of a model in the municipality (from the registry). */
  caseload(modelId: string): CaseloadPolicy;
}

const ids = (xs: readonly string[]) => [...new Set(xs)].filter((x) => isUUID(x));

/**
 * The read ports over the core's entities: every read filtered on the municipality, through the caller's
 * transaction, answering with facts (never entities). The core's rules are applied here, once.
 */
export function corePorts(b: PortBinding): CorePorts {
  const { em, municipalityId } = b;
  const today = danishDay(b.now);

  const meetingFacts = async (rows: Meeting[]): Promise<MeetingFacts[]> => {
    const participants = rows.length
      ? await em.find(MeetingParticipant, { where: { municipalityId, meetingId: In(rows.map((m) => m.id)) }, order: { id: 'ASC' } })
      : [];
    return rows.map((m) =>
      Object.freeze({
        id: m.id,
        courseId: m.courseId,
        type: m.type,
        startsAt: new Date(m.startsAt),
        day: danishDay(new Date(m.startsAt)),
        status: m.status,
        participants: participants
          .filter((p) => p.meetingId === m.id)
          .map((p) => Object.freeze({ kind: p.kind, staffMemberId: p.staffMemberId, citizenId: p.citizenId, roles: [...(p.roles ?? [])], attendance: p.attendance })),
      }),
    );
  };

  return {
    courses: {
      async get(courseId) {
        if (!isUUID(courseId)) return null;
        const c = await em.findOne(Course, { where: { id: courseId, municipalityId } });
        return c ? courseFacts(c) : null;
      },
      async lockCourse(courseId) {
        if (!isUUID(courseId)) return null;
        // The same row lock the core's status and team changes take, so a plugin's write serialises with them.
        const c = await em.findOne(Course, { where: { id: courseId, municipalityId }, lock: { mode: 'pessimistic_write' } });
        return c ? courseFacts(c) : null;
      },
    },
    team: {
      async current(courseId, on = today) {
        if (!isUUID(courseId)) return [];
        // On a day: started by then and not ended by then (a handover on day D ends the old and starts the new on D).
        const rows = await em.find(TeamAssignment, {
          where: [
            { courseId, municipalityId, startsOn: LessThanOrEqual(on), endsOn: IsNull() },
            { courseId, municipalityId, startsOn: LessThanOrEqual(on), endsOn: MoreThan(on) },
          ],
          relations: { staffMember: { unit: true } },
          order: { startsOn: 'ASC', id: 'ASC' },
        });
        return rows.flatMap((a) => (a.staffMember ? [Object.freeze({ assignmentId: a.id, role: a.role, startsOn: a.startsOn, staff: staffFacts(a.staffMember) })] : []));
      },
    },
    staff: {
      async get(staffMemberId) {
        return (await loadStaffFacts(em, municipalityId, ids([staffMemberId]))).get(staffMemberId) ?? null;
      },
      byIds: (staffMemberIds) => loadStaffFacts(em, municipalityId, ids(staffMemberIds)),
    },
    orgUnits: {
      async byIds(unitIds) {
        const wanted = ids(unitIds);
        const rows = wanted.length ? await em.find(OrgUnit, { where: { municipalityId, id: In(wanted) } }) : [];
        return new Map(rows.map((u): [string, OrgUnitFacts] => [u.id, Object.freeze({ id: u.id, name: u.name, kind: u.kind })]));
      },
    },
    consents: {
      async ofCourse(courseId, on = today) {
        if (!isUUID(courseId)) return [];
        const rows = await em.find(Consent, { where: { courseId, municipalityId }, order: { validFrom: 'ASC', id: 'ASC' } });
        return rows.map(
          (c): ConsentFacts =>
            Object.freeze({
              id: c.id,
              citizenId: c.citizenId,
              kind: c.kind,
              form: c.form,
              partyUnitIds: [...(c.partyUnitIds ?? [])],
              categories: [...(c.categories ?? [])],
              validFrom: c.validFrom,
              validTo: c.validTo,
              revokedAt: c.revokedAt,
              inForce: inForce(c, on, b.now),
            }),
        );
      },
      async sharedCategoriesByUnit(courseId, on = today) {
        if (!isUUID(courseId)) return {};
        return sharedCategoriesByUnit(await em.find(Consent, { where: { courseId, municipalityId } }), on, b.now);
      },
    },
    meetings: {
      async get(meetingId) {
        if (!isUUID(meetingId)) return null;
        const m = await em.findOne(Meeting, { where: { id: meetingId, municipalityId } });
        return m ? (await meetingFacts([m]))[0] : null;
      },
      async ofCourse(courseId, types) {
        if (!isUUID(courseId)) return [];
        const rows = await em.find(Meeting, {
          where: { courseId, municipalityId, ...(types ? { type: In([...types]) } : {}) },
          order: { startsAt: 'ASC', id: 'ASC' },
        });
        return meetingFacts(rows);
      },
    },
    plan: {
      async current(courseId): Promise<PlanFacts> {
        const none: PlanFacts = { currentVersion: 0, publishedAt: null, authorId: null, content: null };
        if (!isUUID(courseId)) return none;
        const plan = await em.findOne(Plan, { where: { courseId, municipalityId } });
        if (!plan) return none;
        const v = plan.currentVersion ? await em.findOne(PlanVersion, { where: { planId: plan.id, municipalityId, version: plan.currentVersion } }) : null;
        return Object.freeze({
          currentVersion: Number(plan.currentVersion),
          publishedAt: v ? new Date(v.publishedAt) : null,
          authorId: v?.authorId ?? null,
          content: v ? planContentFacts(v.content) : null,
        });
      },
    },
    caseload: {
      async of(staffMemberId, modelId) {
        const staff = (await loadStaffFacts(em, municipalityId, ids([staffMemberId]))).get(staffMemberId);
        if (!staff) return null;
        const policy = b.caseload(modelId);
        // What the cap counts: active courses of the model on which the person's assignment is open.
        const rows = await em.find(TeamAssignment, {
          where: { municipalityId, staffMemberId: staff.id, endsOn: IsNull(), course: { municipalityId, status: 'active', modelId } },
          relations: { course: true },
          select: { id: true, role: true, courseId: true },
        });
        const byRole: Record<string, number> = {};
        for (const role of new Set(rows.map((r) => r.role))) byRole[role] = new Set(rows.filter((r) => r.role === role).map((r) => r.courseId)).size;
        const capped = new Set(rows.filter((r) => policy.cappedRoles.includes(r.role)).map((r) => r.courseId));
        return Object.freeze({
          staffMemberId: staff.id,
          fte: staff.fte,
          modelId,
          capPerFte: policy.capPerFte,
          cap: policy.capPerFte === null ? null : caseloadCap(policy.capPerFte, staff.fte),
          activeCourses: capped.size,
          byRole,
        });
      },
    },
    citizens: {
      async display(citizenId) {
        if (!isUUID(citizenId)) return null;
        const c = await em.findOne(Citizen, { where: { id: citizenId, municipalityId }, select: { id: true, name: true } });
        return c ? Object.freeze({ id: c.id, name: c.name }) : null;
      },
    },
  };
}
