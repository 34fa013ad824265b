import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, DomainError, LEGAL_AREAS, PluginHost, type Clock, type Principal } from '@enplan/plugin-api';
import type { AuthorityAreaDto, CoordinationDto } from './coordination.dto.js';
import { loadConsents, loadMeetings } from './course-reads.js';
import {
  AUTHORITY_ROLES,
  chairedByCoordinator,
  consentStatus,
  coordinatorAreas,
  coordinatorsOf,
  danishDay,
  networkDue,
  NETWORK_RULE,
  PLAN_COORDINATOR_ID,
  RULES,
  START_UP_RULE,
  startUpDue,
  teamProblems,
} from './rules.js';
import type { PlanCoordinatorSettings } from './settings.js';

export const notCoordinatedCourse = () =>
  new DomainError('plan-coordinator.not-a-coordinated-course', 'not-found', 'The course does not follow the plan-coordinator model, so it has no coordination');

/** The coordination summary of one course, computed from the core's records with the model's own rules. */
@Injectable()
export class CoordinationService {
  constructor(
    private readonly host: PluginHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async summary(p: Principal, courseId: string): Promise<CoordinationDto> {
    const { core, settings } = this.host.scope<PlanCoordinatorSettings>(PLAN_COORDINATOR_ID, p);
    const course = await core.courses.get(courseId);
    if (!course || course.modelId !== PLAN_COORDINATOR_ID) throw notCoordinatedCourse();
    const [team, consents, meetings, plan] = [
      await core.team.current(courseId),
      await loadConsents(core, courseId),
      await loadMeetings(core, courseId, ['start-up', 'network']),
      await core.plan.current(courseId),
    ];
    const now = this.clock.now();
    const today = danishDay(now);
    const coordinators = coordinatorsOf(team);
    const coordinatorIds = coordinators.map((c) => c.staff.id);

    const areas: AuthorityAreaDto[] = LEGAL_AREAS.flatMap((legalArea) => {
      const holders = new Map<string, AuthorityAreaDto['holders'][number]>();
      for (const x of team) {
        if (!x.staff.active || !x.staff.authorityAreas.includes(legalArea) || (!AUTHORITY_ROLES.includes(x.role) && x.role !== 'coordinator')) continue;
        const seen = holders.get(x.staff.id);
        if (seen) seen.roles.push(x.role);
        else holders.set(x.staff.id, { staffMemberId: x.staff.id, name: x.staff.name, roles: [x.role], unitId: x.staff.unitId, unitKind: x.staff.unitKind, isCoordinator: coordinatorIds.includes(x.staff.id) });
      }
      return holders.size ? [{ legalArea, holders: [...holders.values()] }] : [];
    });

    const problems = teamProblems({ course, members: team }, settings);
    const consent = consentStatus(consents, team.map((x) => x.staff.unitId), today, now);
    const blockers = [...new Set(problems.map((x) => x.rule))];
    if (!consent.informationSharing) blockers.push(RULES.consentBeforeActivation);

    const startUp = startUpDue(course.activatedOn, meetings, settings.startUpWithinDays, now);
    const startUpMeeting = meetings.find((x) => x.id === (startUp.heldMeetingId ?? startUp.scheduledMeetingId));
    const network = networkDue(course.activatedOn, meetings, settings.networkMeetingEveryDays, now);

    return {
      courseId: course.id,
      status: course.status,
      targetGroup: course.targetGroup,
      activatedOn: course.activatedOn,
      coordinators: coordinators.map((c) => ({
        staffMemberId: c.staff.id,
        name: c.staff.name,
        unitId: c.staff.unitId,
        unitKind: c.staff.unitKind,
        since: c.startsOn,
        authorityAreas: [...c.staff.authorityAreas],
        decidesIn: coordinatorAreas(c.staff, settings),
      })),
      authorityHolders: areas,
      teamProblems: problems.map((x) => ({ rule: x.rule, code: x.code ?? 'plugin.team-rule', message: x.message })),
      consent: {
        informationSharing: consent.informationSharing,
        participation: consent.participation,
        inForce: consent.inForce,
        coveredUnitIds: consent.coveredUnitIds,
        uncoveredTeamUnitIds: consent.uncoveredUnitIds,
      },
      activationBlockers: blockers,
      startUp: {
        rule: START_UP_RULE,
        withinDays: settings.startUpWithinDays,
        dueOn: startUp.dueOn,
        overdue: startUp.dueOn !== null && startUp.dueOn < today,
        heldMeetingId: startUp.heldMeetingId,
        scheduledMeetingId: startUp.scheduledMeetingId,
        chairedByCoordinator: startUpMeeting ? chairedByCoordinator(startUpMeeting, coordinatorIds) : null,
      },
      network: {
        rule: NETWORK_RULE,
        everyDays: settings.networkMeetingEveryDays,
        dueOn: network.dueOn,
        overdue: network.dueOn !== null && network.dueOn < today,
        lastMeetingId: network.lastMeetingId,
        scheduledMeetingId: network.scheduledMeetingId,
      },
      plan: {
        currentVersion: plan.currentVersion,
        publishedAt: plan.publishedAt?.toISOString() ?? null,
        publishedByCoordinator: plan.authorId === null ? null : coordinatorIds.includes(plan.authorId),
      },
    };
  }
}
