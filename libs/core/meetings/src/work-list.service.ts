import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { Course, TeamAssignment } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';
import { Plan, PlanVersion } from '@enplan/core/plans';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { addDays, cadenceDue, DEFAULT_CADENCE_POLICY, dueState, isoDay, type CadencePolicy, type DueState } from './cadence.js';
import { Contact, FollowUp, Meeting } from './meeting.entity.js';
import { meetingsError } from './meetings.error.js';
import { UUID } from './meetings.service.js';

export const WORK_ITEM_KINDS = ['cadence-meeting', 'follow-up', 'plan-action', 'plan-agreement', 'inactivity'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export interface WorkItem {
  kind: WorkItemKind;
  state: DueState;
  courseId: string;
  dueOn: string;
  title: string;
  /** The rule, follow-up, action or agreement id the item comes from. */
  ref: string;
  meetingType?: string;
  scheduledMeetingId?: string | null;
}

export interface WorkListOptions {
  inactivityDays?: number;
  dueWithinDays?: number;
  horizonDays?: number;
}

const FINISHED = ['closed', 'declined'] as const;
const ORDER: Record<DueState, number> = { overdue: 0, due: 1, upcoming: 2 };

@Injectable()
export class WorkListService {
  /** Plugins extend the policy (and suppress rules); the core's default applies otherwise. */
  policy: CadencePolicy = DEFAULT_CADENCE_POLICY;

  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forStaff(p: Principal, staffId: string, o: WorkListOptions = {}): Promise<{ staffMemberId: string; today: string; items: WorkItem[] }> {
    const em = this.ds.manager;
    const staff = UUID.test(staffId) ? await em.findOne(StaffMember, { where: { id: staffId, municipalityId: p.municipalityId }, select: { id: true } }) : null;
    if (!staff) throw meetingsError.staffNotFound();
    const now = this.clock.now();
    const today = isoDay(now);
    const assignments = await em.find(TeamAssignment, { where: { staffMemberId: staff.id, municipalityId: p.municipalityId, endsOn: IsNull() }, select: { courseId: true } });
    const courses = assignments.length
      ? await em.find(Course, {
          where: { id: In([...new Set(assignments.map((a) => a.courseId))]), municipalityId: p.municipalityId, status: Not(In([...FINISHED])) },
          select: { id: true, activatedOn: true, referredOn: true, status: true },
        })
      : [];
    const items: WorkItem[] = [];
    const push = (i: Omit<WorkItem, 'state'>) => {
      const state = dueState(i.dueOn, today, o.dueWithinDays ?? 7, o.horizonDays ?? 60);
      if (state) items.push({ ...i, state });
    };
    for (const c of courses) await this.courseItems(em, p.municipalityId, c, staff.id, now, o, push);
    const followUps = await em.find(FollowUp, { where: { ownerId: staff.id, municipalityId: p.municipalityId, doneAt: IsNull() }, order: { dueOn: 'ASC' } });
    for (const f of followUps) push({ kind: 'follow-up', courseId: f.courseId, dueOn: f.dueOn, title: f.text, ref: f.id });
    items.sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.dueOn.localeCompare(b.dueOn) || a.ref.localeCompare(b.ref));
    return { staffMemberId: staff.id, today, items };
  }

  private async courseItems(
    em: EntityManager,
    municipalityId: string,
    c: Pick<Course, 'id' | 'activatedOn' | 'referredOn'>,
    staffId: string,
    now: Date,
    o: WorkListOptions,
    push: (i: Omit<WorkItem, 'state'>) => void,
  ): Promise<void> {
    const meetings = await em.find(Meeting, { where: { courseId: c.id, municipalityId }, select: { id: true, type: true, startsAt: true, status: true } });
    for (const d of cadenceDue(this.policy, { activatedOn: c.activatedOn, meetings }, now)) {
      if (d.scheduledMeetingId) continue; // booked in time: nothing to do
      push({ kind: 'cadence-meeting', courseId: c.id, dueOn: d.dueOn, title: d.description, ref: d.rule, meetingType: d.meetingType, scheduledMeetingId: null });
    }
    const plan = await em.findOne(Plan, { where: { courseId: c.id, municipalityId }, select: { id: true, currentVersion: true } });
    if (plan && plan.currentVersion > 0) {
      const v = await em.findOne(PlanVersion, { where: { planId: plan.id, municipalityId, version: plan.currentVersion }, select: { id: true, content: true } });
      for (const a of v?.content.actions ?? []) {
        if (!a.deadline || a.status === 'done' || a.status === 'stopped') continue;
        if (a.responsible.kind === 'staff' && a.responsible.id !== staffId) continue;
        push({ kind: 'plan-action', courseId: c.id, dueOn: a.deadline, title: a.title, ref: a.id });
      }
      for (const a of v?.content.agreements ?? []) {
        if (!a.due || a.done) continue;
        if (a.responsible.kind === 'staff' && a.responsible.id !== staffId) continue;
        push({ kind: 'plan-agreement', courseId: c.id, dueOn: a.due, title: a.text, ref: a.id });
      }
    }
    // Inactivity: no contact with the citizen for N days (counted from activation when there was none).
    const last = await em.findOne(Contact, { where: { courseId: c.id, municipalityId }, order: { at: 'DESC' }, select: { id: true, at: true } });
    const since = last ? isoDay(last.at) : (c.activatedOn ?? c.referredOn);
    const days = o.inactivityDays ?? 30;
    if (addDays(since, days) <= isoDay(now)) push({ kind: 'inactivity', courseId: c.id, dueOn: addDays(since, days), title: `No contact with the citizen for ${days} days`, ref: `inactivity-${c.id}` });
  }
}
