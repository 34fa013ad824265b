import type { EntityManager } from 'typeorm';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { Citizen } from '@enplan/core/citizens';
import { Consent, Course, CourseTransition, TeamAssignment, type TeamRole } from '@enplan/core/courses';
import { Meeting, MeetingParticipant } from '@enplan/core/meetings';
import { Plan, PlanVersion, type PlanContent } from '@enplan/core/plans';
import type { DemoSeedContext, EntityClass } from '@enplan/core/extensions';
import { pluginDb } from '@enplan/core/plugin-host';
import { addDays, danishDay, parseCpr } from '@enplan/shared/util';

/** A Danish wall-clock time on a date, as an instant (winter time; the demo does not need DST exactness). */
function at(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+01:00`);
}

/**
 * The seeding API a plugin's demo gets: the core writes its own records with the values the plugin names, in
 * the transaction `em`, with dates counted from `now`. The seeder checks the result against the model's rules
 * afterwards (DemoSeeder.verify), so a demo that the API itself would refuse never gets planted.
 */
export function demoSeedContext<S>(
  em: EntityManager,
  o: { municipalityCode: string; municipalityId: string; pluginId: string; settings: S; now: Date; entities: readonly EntityClass[] },
): DemoSeedContext<S> & { courseIds: string[] } {
  const { entities, ...facts } = o;
  const { municipalityId, pluginId, now } = facts;
  const today = danishDay(now);
  const day = (offset: number) => addDays(today, offset);
  const courseIds: string[] = [];
  return {
    ...facts,
    db: pluginDb(pluginId, entities, em),
    courseIds,
    day,
    async unit({ kind, name }) {
      const u = await em.save(em.create(OrgUnit, { municipalityId, kind, name }));
      return { id: u.id };
    },
    async staff(s) {
      const saved = await em.save(
        em.create(StaffMember, { municipalityId, authorityAreas: [], isProvider: false, fte: 1, active: true, ...s }),
      );
      return { id: saved.id };
    },
    async citizen({ cpr, name, contactChannel }) {
      const parsed = parseCpr(cpr, today);
      if (!parsed.ok) throw new Error(`demo of ${pluginId}: a demo CPR number is not well-formed (${parsed.error})`);
      const c = await em.save(em.create(Citizen, { municipalityId, cpr: parsed.value.digits, birthDate: parsed.value.birthDate, name, contactChannel: contactChannel ?? 'digital-post' }));
      return { id: c.id };
    },
    async course(c) {
      const last = c.history[c.history.length - 1];
      const activation = [...c.history].reverse().find((h) => h.status === 'active');
      const saved = await em.save(
        em.create(Course, {
          municipalityId,
          citizenId: c.citizenId,
          targetGroup: c.targetGroup,
          modelId: pluginId,
          status: last.status,
          referredBy: c.referredBy,
          referredOn: day(c.history[0].day),
          referralReasonCode: c.referralReasonCode as Course['referralReasonCode'],
          referralReason: c.referralReason,
          activatedOn: activation ? day(activation.day) : null,
        }),
      );
      let from: Course['status'] | null = null;
      for (const h of c.history) {
        await em.save(em.create(CourseTransition, { municipalityId, courseId: saved.id, fromStatus: from, toStatus: h.status, actorId: c.actorId, at: at(day(h.day), '10:00'), reason: h.reason }));
        from = h.status;
      }
      courseIds.push(saved.id);
      return { id: saved.id };
    },
    async team(courseId, staffMemberId, role, startsOnDay, assignedBy) {
      await em.save(em.create(TeamAssignment, { municipalityId, courseId, staffMemberId, role: role as TeamRole, startsOn: day(startsOnDay), assignedBy }));
    },
    async consent(c) {
      const saved = await em.save(
        em.create(Consent, {
          municipalityId,
          courseId: c.courseId,
          citizenId: c.citizenId,
          kind: c.kind,
          partyUnitIds: c.partyUnitIds ?? [],
          purpose: c.purpose,
          categories: c.categories as Consent['categories'],
          validFrom: day(c.validFromDay),
          validTo: c.validToDay === undefined ? null : day(c.validToDay),
          form: c.form,
          witness: c.witness ?? null,
          recordedBy: c.recordedBy,
        }),
      );
      return { id: saved.id };
    },
    async meeting(m) {
      if (m.status === 'held' && (m.day > 0 || !m.minutes)) throw new Error(`demo of ${pluginId}: a held meeting lies in the past and has minutes`);
      const startsAt = at(day(m.day), m.time ?? '10:00');
      const saved = await em.save(
        em.create(Meeting, {
          municipalityId,
          courseId: m.courseId,
          type: m.type,
          startsAt,
          endsAt: new Date(startsAt.getTime() + (m.durationMinutes ?? 60) * 60_000),
          placeKind: m.placeKind,
          status: m.status,
          minutes: m.minutes ?? null,
          createdBy: m.createdBy,
        }),
      );
      for (const p of m.participants) {
        await em.save(
          em.create(MeetingParticipant, {
            municipalityId,
            meetingId: saved.id,
            kind: p.kind,
            staffMemberId: p.staffMemberId ?? null,
            citizenId: p.citizenId ?? null,
            name: p.name ?? null,
            roles: p.roles ?? [],
            attendance: p.attendance ?? (m.status === 'held' ? 'attended' : 'invited'),
          }),
        );
      }
      return { id: saved.id };
    },
    async plan(courseId, versions) {
      const plan = await em.save(em.create(Plan, { municipalityId, courseId, currentVersion: versions.length, draftRevision: 0 }));
      for (const [i, v] of versions.entries()) {
        await em.save(
          em.create(PlanVersion, {
            municipalityId,
            planId: plan.id,
            version: i + 1,
            content: v.content as PlanContent,
            authorId: v.authorId,
            publishedAt: at(day(v.day), '12:00'),
            changeSummary: v.changeSummary,
            sourceMeetingId: v.sourceMeetingId ?? null,
          }),
        );
      }
    },
  };
}
