import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { CourseScope, Principal } from '@enplan/core/auth';
import { Course, courseFacts, TeamAssignment } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { DEPLOYMENT, EnplanConfig, type Deployment } from '@enplan/core/config';
import { PluginRegistry, type PluginWorkItem } from '@enplan/core/extensions';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import type { PlanContent } from '@enplan/core/plans';
import { syncTargetsOf, unsyncedVersions } from '@enplan/core/sync';
import { CLOCK, danishDay, type Clock } from '@enplan/shared/util';
import { addDays, cadenceDue, dueState, isoDay, type CadenceDue, type CadencePolicy, type DueState } from './cadence.js';
import { FollowUp, meetingsError, UUID, type Meeting, type ProviderOrder } from '@enplan/core/meetings';
import { nextReportDue } from './provider-orders.js';
import { dueMeasurements, type DueMeasurement } from '@enplan/core/progression';

export const WORK_ITEM_KINDS = [
  'cadence-meeting',
  'follow-up',
  'plan-action',
  'plan-agreement',
  'provider-report-overdue',
  'inactivity',
  'plugin-deadline',
  'sync-missing',
  'progression-measurement',
] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export interface WorkItem {
  kind: WorkItemKind;
  state: DueState;
  courseId: string;
  dueOn: string;
  title: string;
  /** The rule, follow-up, action, agreement or provider order the item comes from (a plugin's own ref for its deadlines). */
  ref: string;
  /** For a plugin's deadline: the plugin that owns it. */
  plugin?: string;
  meetingType?: string;
  scheduledMeetingId?: string | null;
  /** For follow-ups: who owns it (team lists show everyone's). */
  ownerId?: string;
  /** For follow-ups: the meeting where it is taken up. */
  nextMeetingId?: string | null;
}

export interface WorkListOptions {
  inactivityDays?: number;
  dueWithinDays?: number;
  horizonDays?: number;
}

export interface BoardCourse {
  courseId: string;
  citizenId: string | null;
  householdId: string | null;
  status: string;
  modelId: string;
  primaryContactId: string | null;
  nextDueMeeting: { rule: string; meetingType: string; dueOn: string; state: DueState; scheduledMeetingId: string | null } | null;
  nextMeeting: { id: string; type: string; startsAt: string } | null;
  overdueItems: number;
  lastPlanRevision: { version: number; publishedAt: string } | null;
}

const FINISHED = ['closed', 'declined'] as const;
const ORDER: Record<DueState, number> = { overdue: 0, due: 1, upcoming: 2 };
const CHUNK = 1000;

type CourseRow = Pick<
  Course,
  'id' | 'municipalityId' | 'activatedOn' | 'referredOn' | 'status' | 'citizenId' | 'householdId' | 'modelId' | 'targetGroup' | 'referralReasonCode' | 'endDate' | 'outcomeCode'
>;

/** Everything the work list needs to know about one course, read in a few batched queries. */
interface CourseFacts {
  course: CourseRow;
  /** The cadence policy of the course's model in its municipality (the core's with the plugins' rules and suppressions). */
  policy: CadencePolicy;
  /** The citizen's birth date, for age rules (null for a family course). */
  birthDate: string | null;
  meetings: Pick<Meeting, 'id' | 'type' | 'startsAt' | 'status'>[];
  plan: { id: string; version: number; publishedAt: Date; content: ItemContent } | null;
  /** The current plan version has not reached these sync targets (labels), flagged from `dueOn`. */
  syncMissing: { version: number; planVersionId: string; dueOn: string; targets: string[] } | null;
  /** YYYY-MM-DD of the last logged contact with the citizen. */
  lastContactOn: string | null;
  orders: { order: ReportedOrder; lastReportOn: string | null }[];
  openFollowUps: OpenFollowUp[];
  primaryContactId: string | null;
  /** Deadlines the plugins own (`workList` extension point). */
  pluginItems: (PluginWorkItem & { plugin: string })[];
  /** Plugin cadence rules the plugins' own records show met: not listed. */
  cadenceMet: Set<string>;
  /** The next progression measurement per schedule rule and person. */
  progression: DueMeasurement[];
  /** The cadence deadlines at the request's `now`, computed once (the plugins, the items and the board row all ask). */
  due?: CadenceDue[];
}

/** The parts of a plan version that become items (the goals and the citizen's words are half of its size). */
type ItemContent = Partial<Pick<PlanContent, 'actions' | 'agreements'>>;
type ReportedOrder = Pick<ProviderOrder, 'id' | 'purpose' | 'startsOn' | 'reportEveryDays' | 'endsOn'>;
type OpenFollowUp = Pick<FollowUp, 'id' | 'courseId' | 'text' | 'ownerId' | 'dueOn' | 'nextMeetingId'>;

/** A course's row with everything the work list reads about it, as `COURSE_SOURCES_SQL` answers it. */
interface CourseSourcesRow extends CourseRow {
  birthDate: string | null;
  meetings: { id: string; type: string; startsAt: string; status: Meeting['status'] }[];
  plan: { id: string; version: number; publishedAt: string; content: ItemContent } | null;
  lastContactOn: string | null;
  orders: { order: ReportedOrder; lastReportOn: string | null }[];
  openFollowUps: OpenFollowUp[];
  primaryContactId: string | null;
}

/**
 * The open courses among `$2` with every source of their deadlines, in one statement (issue 17: the work list ran
 * one statement per source, each a round trip and a `writev` the request waited for): the citizen's birth date, the
 * meetings, the current plan version, the last contact, the provider orders with their last report, the open
 * follow-ups and the primary contact, aggregated per course as JSON. Dates come as text (`YYYY-MM-DD`), as the
 * entities give them.
 */
const COURSE_SOURCES_SQL = `
  SELECT c.id, c.municipality_id AS "municipalityId", c.activated_on::text AS "activatedOn", c.referred_on::text AS "referredOn",
         c.status, c.citizen_id AS "citizenId", c.household_id AS "householdId", c.model_id AS "modelId", c.target_group AS "targetGroup",
         c.referral_reason_code AS "referralReasonCode", c.end_date::text AS "endDate", c.outcome_code AS "outcomeCode",
         ci.birth_date::text AS "birthDate",
         COALESCE((SELECT json_agg(json_build_object('id', m.id, 'type', m.type, 'startsAt', m.starts_at, 'status', m.status))
                     FROM meeting m WHERE m.municipality_id = c.municipality_id AND m.course_id = c.id), '[]') AS meetings,
         (SELECT json_build_object('id', v.id, 'version', v.version, 'publishedAt', v.published_at,
                                   'content', jsonb_build_object('actions', v.content->'actions', 'agreements', v.content->'agreements'))
            FROM plan p JOIN plan_version v ON v.municipality_id = p.municipality_id AND v.plan_id = p.id AND v.version = p.current_version
           WHERE p.municipality_id = c.municipality_id AND p.course_id = c.id AND p.current_version <> 0) AS plan,
         (SELECT to_char(max(k.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM contact k
           WHERE k.municipality_id = c.municipality_id AND k.course_id = c.id) AS "lastContactOn",
         COALESCE((SELECT json_agg(json_build_object(
                     'order', json_build_object('id', o.id, 'purpose', o.purpose, 'startsOn', o.starts_on::text, 'reportEveryDays', o.report_every_days, 'endsOn', o.ends_on::text),
                     'lastReportOn', (SELECT max(r.received_on)::text FROM provider_report r WHERE r.municipality_id = o.municipality_id AND r.order_id = o.id))
                     ORDER BY o.created_at, o.id)
                     FROM provider_order o WHERE o.municipality_id = c.municipality_id AND o.course_id = c.id), '[]') AS orders,
         COALESCE((SELECT json_agg(json_build_object('id', f.id, 'courseId', f.course_id, 'text', f.text, 'ownerId', f.owner_id, 'dueOn', f.due_on::text, 'nextMeetingId', f.next_meeting_id)
                     ORDER BY f.due_on, f.id)
                     FROM follow_up f WHERE f.municipality_id = c.municipality_id AND f.course_id = c.id AND f.done_at IS NULL), '[]') AS "openFollowUps",
         (SELECT t.staff_member_id FROM team_assignment t
           WHERE t.municipality_id = c.municipality_id AND t.course_id = c.id AND t.ends_on IS NULL AND t.role = 'primary-contact' LIMIT 1) AS "primaryContactId"
    FROM course c
    LEFT JOIN citizen ci ON ci.municipality_id = c.municipality_id AND ci.id = c.citizen_id
   WHERE c.municipality_id = $1 AND c.id = ANY($2::uuid[]) AND c.status::text <> ALL($3::text[])
   ORDER BY c.id`;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

const ALL: CourseScope = { all: true };

/** Only the courses the caller may read (the access layer computes the scope). */
function idsInScope(ids: string[], scope: CourseScope): string[] {
  if (scope.all) return ids;
  const allowed = new Set(scope.courseIds);
  return ids.filter((id) => allowed.has(id));
}

function inScope(items: WorkItem[], scope: CourseScope): WorkItem[] {
  if (scope.all) return items;
  const allowed = new Set(scope.courseIds);
  return items.filter((i) => allowed.has(i.courseId));
}

function sortItems(items: WorkItem[]): WorkItem[] {
  return items.sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.dueOn.localeCompare(b.dueOn) || a.ref.localeCompare(b.ref));
}

/**
 * Deadlines and the work list: what is due, overdue and upcoming for a staff member, a team (an
 * organisational unit) or a board view. Everything is computed from the data at the moment of asking
 * (cadence policy, plan, follow-ups, provider reports, contacts), never stored twice.
 */
@Injectable()
export class WorkListService {
  /** Municipality codes by id (the registry speaks codes; a municipality's code never changes). */
  private readonly codes = new Map<string, string>();

  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: PluginRegistry,
    @Inject(DEPLOYMENT) private readonly deployment: Deployment,
    private readonly config: EnplanConfig,
  ) {}

  /** A staff member's list; with a `scope`, only items on courses the caller may read. */
  async forStaff(p: Principal, staffId: string, o: WorkListOptions = {}, scope: CourseScope = ALL): Promise<{ staffMemberId: string; today: string; items: WorkItem[] }> {
    const em = this.ds.manager;
    const staff = UUID.test(staffId) ? await em.findOne(StaffMember, { where: { id: staffId, municipalityId: p.municipalityId }, select: { id: true } }) : null;
    if (!staff) throw meetingsError.staffNotFound();
    const now = this.clock.now();
    const byStaff = await this.staffLists(em, p.municipalityId, [staff.id], now, o);
    return { staffMemberId: staff.id, today: isoDay(now), items: inScope(byStaff.get(staff.id) ?? [], scope) };
  }

  /** The team's list: every item on the courses where someone of the unit is on the team. */
  async forUnit(p: Principal, unitId: string, o: WorkListOptions = {}, scope: CourseScope = ALL): Promise<{ unitId: string; today: string; items: WorkItem[] }> {
    const em = this.ds.manager;
    await this.unit(em, p.municipalityId, unitId);
    const now = this.clock.now();
    const facts = await this.facts(em, p.municipalityId, idsInScope(await this.unitCourseIds(em, p.municipalityId, unitId), scope), now, o);
    const items: WorkItem[] = [];
    for (const f of facts.values()) items.push(...this.courseItems(f, null, now, o), ...this.followUpItems(f.openFollowUps, now, o));
    return { unitId, today: isoDay(now), items: sortItems(items) };
  }

  /**
   * The board view of a team: one row per course with its next due meeting, its number of overdue items and
   * the date of the last plan revision. Most overdue first.
   */
  async board(p: Principal, unitId: string, o: WorkListOptions = {}, scope: CourseScope = ALL): Promise<{ unitId: string; today: string; courses: BoardCourse[] }> {
    const em = this.ds.manager;
    await this.unit(em, p.municipalityId, unitId);
    const now = this.clock.now();
    const today = isoDay(now);
    const facts = await this.facts(em, p.municipalityId, idsInScope(await this.unitCourseIds(em, p.municipalityId, unitId), scope), now, o);
    const rows: BoardCourse[] = [];
    for (const f of facts.values()) {
      const items = [...this.courseItems(f, null, now, o), ...this.followUpItems(f.openFollowUps, now, o)];
      const due = this.cadence(f, now).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
      const next = f.meetings
        .filter((m) => m.status === 'planned' && m.startsAt.getTime() >= now.getTime())
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
      rows.push({
        courseId: f.course.id,
        citizenId: f.course.citizenId,
        householdId: f.course.householdId,
        status: f.course.status,
        modelId: f.course.modelId,
        primaryContactId: f.primaryContactId,
        nextDueMeeting: due
          ? { rule: due.rule, meetingType: due.meetingType, dueOn: due.dueOn, state: dueState(due.dueOn, today, o.dueWithinDays ?? 7, 36_500) ?? 'upcoming', scheduledMeetingId: due.scheduledMeetingId }
          : null,
        nextMeeting: next ? { id: next.id, type: next.type, startsAt: next.startsAt.toISOString() } : null,
        overdueItems: items.filter((i) => i.state === 'overdue').length,
        lastPlanRevision: f.plan ? { version: f.plan.version, publishedAt: f.plan.publishedAt.toISOString() } : null,
      });
    }
    rows.sort(
      (a, b) =>
        b.overdueItems - a.overdueItems ||
        (a.nextDueMeeting?.dueOn ?? '9999').localeCompare(b.nextDueMeeting?.dueOn ?? '9999') ||
        a.courseId.localeCompare(b.courseId),
    );
    return { unitId, today, courses: rows };
  }

  /**
   * Work lists of several staff members of one municipality at `now` (all of them with `staffIds` null), in
   * a fixed number of queries: the reminder job computes the whole municipality at once.
   */
  async staffLists(em: EntityManager, municipalityId: string, staffIds: string[] | null, now: Date, o: WorkListOptions = {}): Promise<Map<string, WorkItem[]>> {
    const open = { municipalityId, endsOn: IsNull() };
    const assignments: Pick<TeamAssignment, 'staffMemberId' | 'courseId'>[] = [];
    const followUps: FollowUp[] = [];
    if (staffIds === null) {
      assignments.push(...(await em.find(TeamAssignment, { where: open, select: { id: true, staffMemberId: true, courseId: true } })));
      followUps.push(...(await em.find(FollowUp, { where: { municipalityId, doneAt: IsNull() } })));
    } else {
      for (const ids of chunks(staffIds)) {
        assignments.push(...(await em.find(TeamAssignment, { where: { ...open, staffMemberId: In(ids) }, select: { id: true, staffMemberId: true, courseId: true } })));
        followUps.push(...(await em.find(FollowUp, { where: { municipalityId, doneAt: IsNull(), ownerId: In(ids) } })));
      }
    }
    const facts = await this.facts(em, municipalityId, [...new Set(assignments.map((a) => a.courseId))], now, o);
    const out = new Map<string, WorkItem[]>();
    for (const id of staffIds ?? []) out.set(id, []);
    const list = (id: string) => {
      let l = out.get(id);
      if (!l) out.set(id, (l = []));
      return l;
    };
    const seen = new Set<string>();
    for (const a of assignments) {
      const f = facts.get(a.courseId);
      const key = `${a.staffMemberId}:${a.courseId}`;
      if (!f || seen.has(key)) continue; // a finished course, or two roles on one course
      seen.add(key);
      list(a.staffMemberId).push(...this.courseItems(f, a.staffMemberId, now, o));
    }
    for (const f of followUps) list(f.ownerId).push(...this.followUpItems([f], now, o));
    for (const l of out.values()) sortItems(l);
    return out;
  }

  private async unit(em: EntityManager, municipalityId: string, unitId: string): Promise<void> {
    const unit = UUID.test(unitId) ? await em.findOne(OrgUnit, { where: { id: unitId, municipalityId }, select: { id: true } }) : null;
    if (!unit) throw meetingsError.unitNotFound();
  }

  /** Courses on which a staff member of the unit currently has a team assignment. */
  private async unitCourseIds(em: EntityManager, municipalityId: string, unitId: string): Promise<string[]> {
    const rows = await em
      .createQueryBuilder(TeamAssignment, 'ta')
      .innerJoin(StaffMember, 's', 's.id = ta.staff_member_id AND s.municipality_id = ta.municipality_id')
      .select('DISTINCT ta.course_id', 'courseId')
      .where('ta.municipality_id = :mun', { mun: municipalityId })
      .andWhere('s.unit_id = :unitId', { unitId })
      .andWhere('ta.ends_on IS NULL')
      .getRawMany<{ courseId: string }>();
    return rows.map((r) => r.courseId);
  }

  private async municipalityCode(em: EntityManager, municipalityId: string): Promise<string> {
    let code = this.codes.get(municipalityId);
    if (code === undefined) {
      code = (await em.findOneOrFail(Municipality, { where: { id: municipalityId }, select: { id: true, code: true } })).code;
      this.codes.set(municipalityId, code);
    }
    return code;
  }

  /** Reads the facts of the open (not closed or declined) courses among `courseIds`, with the plugins' deadlines at `now`. */
  private async facts(em: EntityManager, municipalityId: string, courseIds: string[], now: Date, o: WorkListOptions): Promise<Map<string, CourseFacts>> {
    const out = new Map<string, CourseFacts>();
    if (!courseIds.length) return out;
    const code = await this.municipalityCode(em, municipalityId);
    const policies = new Map<string, CadencePolicy>();
    const policyOf = (modelId: string): CadencePolicy => {
      let policy = policies.get(modelId);
      if (!policy) policies.set(modelId, (policy = this.registry.cadencePolicy(code, modelId)));
      return policy;
    };
    for (const ids of chunks(courseIds)) {
      const rows: CourseSourcesRow[] = await em.query(COURSE_SOURCES_SQL, [municipalityId, ids, [...FINISHED]]);
      if (!rows.length) continue;
      const courses: CourseRow[] = [];
      for (const { birthDate, meetings, plan, lastContactOn, orders, openFollowUps, primaryContactId, ...course } of rows) {
        courses.push(course);
        out.set(course.id, {
          course,
          policy: policyOf(course.modelId),
          birthDate,
          meetings: meetings.map((m) => ({ ...m, startsAt: new Date(m.startsAt) })),
          plan: plan && { ...plan, publishedAt: new Date(plan.publishedAt) },
          lastContactOn,
          orders,
          openFollowUps,
          primaryContactId,
          pluginItems: [],
          cadenceMet: new Set(),
          syncMissing: null,
          progression: [],
        });
      }
      if (this.config.progressionSchedules) {
        const own = this.deployment.municipalities.find((m) => m.code === code)?.progressionSchedules;
        for (const d of await dueMeasurements(em, municipalityId, courses, own)) out.get(d.courseId)?.progression.push(d);
      }
      // A revision that has not reached a sector system it should (issue 15's sync ledger).
      const versions = rows.flatMap((c) => (c.plan ? [{ planVersionId: c.plan.id, courseId: c.id, version: c.plan.version, publishedOn: danishDay(new Date(c.plan.publishedAt)) }] : []));
      if (versions.length) {
        for (const m of await unsyncedVersions(em, municipalityId, syncTargetsOf(this.deployment, code), versions)) {
          const f = out.get(m.courseId);
          if (f) f.syncMissing = { version: m.version, planVersionId: m.planVersionId, dueOn: m.dueOn, targets: m.targets };
        }
      }
    }
    await this.pluginDeadlines(em, code, municipalityId, out, now, o);
    return out;
  }

  /**
   * Asks the plugins of the courses' models (and the add-ons) for the deadlines they own and the cadence
   * rules their records show met, once for all courses; they get the facts, not the core's tables.
   */
  private async pluginDeadlines(em: EntityManager, code: string, municipalityId: string, facts: Map<string, CourseFacts>, now: Date, o: WorkListOptions): Promise<void> {
    const asked = [...facts.values()].filter((f) => this.registry.contributes(code, f.course.modelId, 'workList'));
    if (!asked.length) return;
    const today = isoDay(now);
    const contributions = await this.registry.workListContributions(
      { em, now, municipalityCode: code, municipalityId },
      {
        today,
        horizon: addDays(today, o.horizonDays ?? 60),
        courses: asked.map((f) => ({
          course: courseFacts(f.course as Course),
          meetings: f.meetings.map((m) => ({ id: m.id, type: m.type, startsAt: m.startsAt.toISOString(), status: m.status })),
          cadence: this.cadence(f, now),
        })),
      },
    );
    for (const [courseId, c] of contributions) {
      const f = facts.get(courseId);
      if (!f) continue;
      f.pluginItems.push(...c.items);
      for (const rule of c.met) f.cadenceMet.add(rule);
    }
  }

  /** The course's cadence deadlines, without the rules a plugin reported met. */
  private cadence(f: CourseFacts, now: Date): CadenceDue[] {
    f.due ??= cadenceDue(f.policy, { activatedOn: f.course.activatedOn, meetings: f.meetings, birthDate: f.birthDate, targetGroup: f.course.targetGroup }, now);
    return f.due.filter((d) => !f.cadenceMet.has(d.rule));
  }

  /**
   * A course's items. With `staffId`, plan actions and agreements another staff member is responsible for
   * are left out (they are on that person's list); with null (team and board views) everything counts.
   */
  private courseItems(f: CourseFacts, staffId: string | null, now: Date, o: WorkListOptions): WorkItem[] {
    const c = f.course;
    const today = isoDay(now);
    const items: WorkItem[] = [];
    const push = (i: Omit<WorkItem, 'state'>) => {
      const state = dueState(i.dueOn, today, o.dueWithinDays ?? 7, o.horizonDays ?? 60);
      if (state) items.push({ ...i, state });
    };
    for (const d of this.cadence(f, now)) {
      if (d.scheduledMeetingId) continue; // booked in time: nothing to do
      push({ kind: 'cadence-meeting', courseId: c.id, dueOn: d.dueOn, title: d.description, ref: d.rule, meetingType: d.meetingType, scheduledMeetingId: null });
    }
    const mine = (r: { kind: string; id?: string }) => staffId === null || r.kind !== 'staff' || r.id === staffId;
    for (const a of f.plan?.content.actions ?? []) {
      if (!a.deadline || a.status === 'done' || a.status === 'stopped' || !mine(a.responsible)) continue;
      push({ kind: 'plan-action', courseId: c.id, dueOn: a.deadline, title: a.title, ref: a.id });
    }
    for (const a of f.plan?.content.agreements ?? []) {
      if (!a.due || a.done || !mine(a.responsible)) continue;
      push({ kind: 'plan-agreement', courseId: c.id, dueOn: a.due, title: a.text, ref: a.id });
    }
    // A provider report that has not arrived by its date is overdue (and only then an item).
    for (const { order, lastReportOn } of f.orders) {
      const due = nextReportDue(order, lastReportOn);
      if (due && due < today) {
        push({ kind: 'provider-report-overdue', courseId: c.id, dueOn: due, title: `Report from the provider on "${order.purpose.slice(0, 80)}" has not arrived`, ref: order.id });
      }
    }
    // The plugins' own deadlines: on everyone's list, or on the one staff member's the plugin names.
    for (const p of f.pluginItems) {
      if (staffId !== null && p.staffMemberId && p.staffMemberId !== staffId) continue;
      push({ kind: 'plugin-deadline', courseId: c.id, dueOn: p.dueOn, title: p.title, ref: p.ref, plugin: p.plugin, ...(p.meetingType ? { meetingType: p.meetingType } : {}) });
    }
    if (f.syncMissing) {
      const m = f.syncMissing;
      push({ kind: 'sync-missing', courseId: c.id, dueOn: m.dueOn, title: `Plan version ${m.version} has not reached: ${m.targets.join(', ')}`, ref: `sync-${m.planVersionId}` });
    }
    // Progression measurements by the schedule of the course's model and target group.
    for (const d of f.progression) {
      push({
        kind: 'progression-measurement',
        courseId: c.id,
        dueOn: d.dueOn,
        title: `${d.occasion === 'baseline' ? 'Baseline' : 'Follow-up'} measurement: ${d.instrumentId} (${d.respondentType})`,
        ref: `${d.instrumentId}:${d.respondentType}:${d.aboutCitizenId}`,
      });
    }
    // Inactivity: no contact with the citizen for N days (counted from activation when there was none).
    const since = f.lastContactOn ?? c.activatedOn ?? c.referredOn;
    const days = o.inactivityDays ?? 30;
    if (addDays(since, days) <= today) push({ kind: 'inactivity', courseId: c.id, dueOn: addDays(since, days), title: `No contact with the citizen for ${days} days`, ref: `inactivity-${c.id}` });
    return items;
  }

  private followUpItems(followUps: OpenFollowUp[], now: Date, o: WorkListOptions): WorkItem[] {
    const today = isoDay(now);
    const items: WorkItem[] = [];
    for (const f of followUps) {
      const state = dueState(f.dueOn, today, o.dueWithinDays ?? 7, o.horizonDays ?? 60);
      if (state) items.push({ kind: 'follow-up', state, courseId: f.courseId, dueOn: f.dueOn, title: f.text, ref: f.id, ownerId: f.ownerId, nextMeetingId: f.nextMeetingId });
    }
    return items;
  }
}
