import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { recordDomainEvent } from '@enplan/core/events';
import type { Principal } from '@enplan/core/auth';
import { Citizen, disclosureCircle, HouseholdMember } from '@enplan/core/citizens';
import { page, type Page } from '@enplan/core/common';
import { Course, courseCitizenIds, courseConcerns, releasedTo } from '@enplan/core/courses';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { CLOCK, danishToday, type Clock } from '@enplan/shared/util';
import { citizenProgress } from '@enplan/core/progression';
import { buildCitizenView, danishDate, type CitizenView } from './citizen-view.js';
import { parseIfMatch } from './etag.js';
import { LegalBasisService } from './legal-basis.service.js';
import type { PlanContent } from './plan-content.js';
import { keepHidden, planFor, planForMember, wordsDisclosure } from './plan-visibility.js';
import type { Viewer } from '@enplan/core/access';
import { toPlanContent } from './plan-content.dto.js';
import { referencedResponsibles, validatePlanContent } from './plan-content.validator.js';
import { diffPlans, EMPTY_PLAN_CONTENT } from './plan-diff.js';
import type { CurrentPlanDto, PlanDiffDto, PlanDiffQuery, PlanDraftDto, PlanVersionDto, PlanVersionsQuery, PlanVersionSummaryDto, PublishPlanDto } from './plan.dto.js';
import { Plan, PlanVersion } from './plan.entity.js';
import { plansError } from './plans.error.js';
import { PlanExtensions } from './plan-extensions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A course in one of these states is over: its plan is kept as it was. */
const FINISHED_COURSE = new Set(['closed', 'declined']);

type CourseRef = Pick<Course, 'id' | 'municipalityId' | 'status' | 'citizenId' | 'householdId'>;

@Injectable()
export class PlansService {
  constructor(
    private readonly ds: DataSource,
    private readonly legalBases: LegalBasisService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly extensions: PlanExtensions,
  ) {}

  /** `viewer` (from the access interceptor) narrows the content to what the reader may see; absent = all. */
  async current(p: Principal, courseId: string, viewer?: Viewer): Promise<CurrentPlanDto> {
    const { row, authorName, hasDraft } = await this.publishedVersion(p, courseId);
    return { ...this.versionDto(row, authorName, courseId, viewer), hasDraft };
  }

  async versions(p: Principal, courseId: string, q: PlanVersionsQuery): Promise<Page<PlanVersionSummaryDto>> {
    const em = this.ds.manager;
    await this.course(em, p, courseId);
    const plan = await em.findOne(Plan, { where: { courseId, municipalityId: p.municipalityId } });
    if (!plan) return page([], 0, q);
    const [rows, total] = await em.findAndCount(PlanVersion, {
      where: { planId: plan.id, municipalityId: p.municipalityId },
      select: { id: true, version: true, authorId: true, publishedAt: true, changeSummary: true, changeSummaryConcerns: true, sourceMeetingId: true },
      order: { version: 'DESC' },
      take: q.limit,
      skip: q.offset,
    });
    const names = await this.staffNames(em, p.municipalityId, rows.map((r) => r.authorId));
    return page(rows.map((r) => this.summary(r, names)), total, q);
  }

  async version(p: Principal, courseId: string, versionParam: string, viewer?: Viewer): Promise<PlanVersionDto> {
    // A version that cannot exist still answers after the course's and the plan's own 404s, as one that does not.
    const version = /^\d{1,9}$/.test(versionParam) ? Number(versionParam) : 0;
    const { row, authorName } = await this.publishedVersion(p, courseId, version);
    return this.versionDto(row, authorName, courseId, viewer);
  }

  async draft(p: Principal, courseId: string, viewer?: Viewer): Promise<PlanDraftDto> {
    const em = this.ds.manager;
    await this.course(em, p, courseId);
    const plan = await em.findOne(Plan, { where: { courseId, municipalityId: p.municipalityId } });
    if (!plan) return { exists: false, content: null, baseVersion: 0, revision: 0, updatedBy: null, updatedAt: null };
    if (plan.draft) return this.draftDto(plan, viewer);
    // No draft yet: hand out the current version as the starting point of one.
    const current = plan.currentVersion
      ? await em.findOne(PlanVersion, { where: { planId: plan.id, municipalityId: p.municipalityId, version: plan.currentVersion } })
      : null;
    const content = current?.content ?? null;
    return { exists: false, content: content && viewer ? planFor(viewer, content) : content, baseVersion: plan.currentVersion, revision: plan.draftRevision, updatedBy: null, updatedAt: null };
  }

  async saveDraft(p: Principal, courseId: string, ifMatch: string | undefined, input: PlanContent, viewer?: Viewer): Promise<PlanDraftDto> {
    const expected = parseIfMatch(ifMatch);
    const edited = toPlanContent(input);
    return this.ds.transaction(async (em) => {
      const course = await this.course(em, p, courseId);
      if (FINISHED_COURSE.has(course.status)) throw plansError.courseClosed();
      const plan = await this.lockedPlan(em, course);
      if (plan.draft !== null && expected === undefined) throw plansError.preconditionRequired('a draft exists: send If-Match: "<revision>" of the draft you edited');
      if (expected !== undefined && expected !== plan.draftRevision) throw plansError.draftConflict(plan.draftRevision);
      const content = viewer ? keepHidden(edited, await this.baseContent(em, plan), viewer) : edited;
      await this.validate(em, course, content, false);
      const changes = {
        draft: content,
        draftBaseVersion: plan.draft !== null ? plan.draftBaseVersion : plan.currentVersion,
        draftRevision: plan.draftRevision + 1,
        draftUpdatedBy: p.userId,
        draftUpdatedAt: this.clock.now(),
      };
      await em.update(Plan, { id: plan.id, municipalityId: course.municipalityId }, changes);
      return this.draftDto({ ...plan, ...changes }, viewer);
    });
  }

  async discardDraft(p: Principal, courseId: string, ifMatch: string | undefined): Promise<void> {
    const expected = parseIfMatch(ifMatch);
    await this.ds.transaction(async (em) => {
      const course = await this.course(em, p, courseId);
      const plan = await em.findOne(Plan, { where: { courseId, municipalityId: p.municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!plan?.draft) throw plansError.draftNotFound();
      if (expected === undefined) throw plansError.preconditionRequired('send If-Match: "<revision>" of the draft you discard');
      if (expected !== plan.draftRevision) throw plansError.draftConflict(plan.draftRevision);
      // The revision moves on, so an editor still holding the discarded draft cannot save over nothing unnoticed.
      await em.update(
        Plan,
        { id: plan.id, municipalityId: course.municipalityId },
        { draft: null, draftBaseVersion: null, draftRevision: plan.draftRevision + 1, draftUpdatedBy: p.userId, draftUpdatedAt: this.clock.now() },
      );
    });
  }

  /**
   * Twelve statements on the generic model (statement-counts.e2e-spec.ts holds it): with the access check's
   * begin, course lock, facts and caller, this reads the course with its household (locked), the plan with its
   * current version's content (locked), and every reference the content names plus the author's name in one
   * statement each; then the insert, the plan's update and the domain event, before the access log and commit.
   * The plugin hooks get the course read here instead of reading it again.
   */
  async publish(p: Principal, courseId: string, ifMatch: string | undefined, dto: PublishPlanDto, viewer?: Viewer): Promise<PlanVersionDto> {
    const fromHeader = parseIfMatch(ifMatch);
    if (fromHeader !== undefined && dto.baseVersion !== undefined && fromHeader !== dto.baseVersion) throw plansError.baseVersionAmbiguous();
    const base = fromHeader ?? dto.baseVersion;
    const given = dto.content ? toPlanContent(dto.content) : undefined;
    return this.ds.transaction(async (em) => {
      // Locked as a status change locks it: a close waits for this publish, or this publish sees the close.
      const { course, citizenIds } = await this.lockedCourse(em, p, courseId);
      if (base === undefined) throw plansError.preconditionRequired('send If-Match: "<version>" your change starts from ("0" for the first version)');
      if (FINISHED_COURSE.has(course.status)) throw plansError.courseClosed();
      const changeSummaryConcerns = await courseConcerns(em, course, dto.changeSummaryConcerns, 'changeSummaryConcerns', citizenIds);
      // The row lock makes concurrent publishes from one base queue up here; all but the first then see a newer version.
      const { plan, currentContent } = await this.lockedPlanWithCurrent(em, course);
      if (base !== plan.currentVersion) throw plansError.versionConflict(plan.currentVersion);
      // Content sent with the publish is what the reader saw; the draft on the server is already complete.
      const content = given && viewer ? keepHidden(given, plan.draft ?? currentContent, viewer) : (given ?? plan.draft);
      if (!content) throw plansError.draftMissing();
      const names = await this.validate(em, course, content, true, citizenIds, p.userId);
      if (dto.sourceMeetingId) await this.requireCourseMeeting(em, course, dto.sourceMeetingId);
      await this.extensions.beforePublish(em, p, course, plan.id, plan.currentVersion, content, dto.sourceMeetingId ?? null, currentContent);
      const row = await em.save(
        PlanVersion,
        em.create(PlanVersion, {
          municipalityId: course.municipalityId,
          planId: plan.id,
          version: plan.currentVersion + 1,
          content,
          authorId: p.userId,
          publishedAt: this.clock.now(),
          changeSummary: dto.changeSummary,
          changeSummaryConcerns,
          sourceMeetingId: dto.sourceMeetingId ?? null,
        }),
      );
      // Publishing ends the draft; bumping its revision turns a stale editor's next save into a conflict.
      await em.update(
        Plan,
        { id: plan.id, municipalityId: course.municipalityId },
        { currentVersion: row.version, draft: null, draftBaseVersion: null, draftRevision: plan.draftRevision + 1, draftUpdatedBy: null, draftUpdatedAt: null },
      );
      await this.extensions.published(em, p, course, row.version, content);
      await recordDomainEvent(em, {
        municipalityId: course.municipalityId,
        type: 'plan.version-published',
        data: { courseId: course.id, planId: plan.id, planVersionId: row.id, version: row.version },
        actorId: p.userId,
        occurredAt: row.publishedAt,
      });
      // What was just written is answered from memory, not read back; the author's name came with the references.
      return { ...this.summary(row, names), courseId, content: viewer ? planFor(viewer, row.content) : row.content };
    });
  }

  async diff(p: Principal, courseId: string, q: PlanDiffQuery, viewer?: Viewer): Promise<PlanDiffDto> {
    const em = this.ds.manager;
    const plan = await this.publishedPlan(em, p, courseId);
    const to = q.to ?? plan.currentVersion;
    const from = q.from ?? to - 1;
    if (to > plan.currentVersion || from > plan.currentVersion) throw plansError.versionNotFound();
    const wanted = [from, to].filter((v) => v > 0);
    const rows = await em.find(PlanVersion, { where: { planId: plan.id, municipalityId: p.municipalityId, version: In(wanted) }, select: { version: true, content: true } });
    const contentOf = (v: number) => {
      const c = v === 0 ? EMPTY_PLAN_CONTENT : rows.find((r) => r.version === v)?.content;
      return c && viewer ? planFor(viewer, c) : c;
    };
    const before = contentOf(from);
    const after = contentOf(to);
    if (!before || !after) throw plansError.versionNotFound();
    return { from, to, ...diffPlans(before, after) };
  }

  /**
   * The plan as one citizen reads it. In a family course: what the household's disclosure rule gives that member
   * (their own items, their children's when they hold custody, the shared family ones), the citizen's words
   * only when they are theirs to read, and the yes to the goal attributed to whoever gave it.
   */
  async citizenView(p: Principal, courseId: string, citizenId?: string): Promise<CitizenView> {
    const em = this.ds.manager;
    const course = await this.course(em, p, courseId);
    const plan = await em.findOne(Plan, { where: { courseId, municipalityId: p.municipalityId } });
    if (!plan || plan.currentVersion === 0) throw plansError.notPublished();
    const row = await em.findOneOrFail(PlanVersion, { where: { planId: plan.id, municipalityId: p.municipalityId, version: plan.currentVersion } });
    if (citizenId && !(await this.courseCitizens(em, course)).has(citizenId)) throw plansError.readerNotOnCourse();
    const readerId = citizenId ?? course.citizenId;
    const members = course.householdId
      ? await em.find(HouseholdMember, { where: { municipalityId: p.municipalityId, householdId: course.householdId }, select: { citizenId: true, relation: true, custody: true } })
      : [];
    // No reader (a family course without a main citizen, read as a whole): only what concerns the whole family.
    const circle = readerId ? disclosureCircle(readerId, members) : new Set<string>();
    const family = members.some((m) => m.citizenId !== readerId);
    const agreedBy = !course.citizenId ? 'family' : course.citizenId === readerId ? 'you' : (members.find((m) => m.citizenId === course.citizenId)?.relation ?? 'other');
    const content = planForMember(circle, row.content);
    // Words waiting for review are shown once a caseworker has released this version's words to the reader.
    const released = (await releasedTo(em, p.municipalityId, course.id, readerId)).has('citizen-words', row.id);
    const { staffIds, unitIds } = referencedResponsibles(content);
    const staff = staffIds.size
      ? await em.find(StaffMember, { where: { id: In([...staffIds]), municipalityId: p.municipalityId }, select: { id: true, name: true, unitId: true } })
      : [];
    const allUnitIds = [...new Set([...unitIds, ...staff.map((s) => s.unitId)])];
    const units = allUnitIds.length
      ? await em.find(OrgUnit, { where: { id: In(allUnitIds), municipalityId: p.municipalityId }, select: { id: true, name: true } })
      : [];
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    // The name only: the citizen's CPR number has no place on a page meant for the fridge.
    const citizen = readerId
      ? await em.findOne(Citizen, { where: { id: readerId, municipalityId: p.municipalityId }, select: { id: true, name: true } })
      : null;
    const progress = readerId ? await citizenProgress(em, p.municipalityId, course.id, readerId, circle) : [];
    const view = buildCitizenView(
      content,
      { staff: new Map(staff.map((s) => [s.id, { name: s.name, unitName: unitName.get(s.unitId) ?? null }])), units: unitName },
      {
        version: row.version,
        publishedAt: row.publishedAt,
        citizenName: citizen?.name ?? null,
        member: { readerId, agreedBy, words: wordsDisclosure(circle, course.citizenId, family, released) },
      },
    );
    if (progress.length) {
      view.progress = { label: 'Dine egne svar', items: progress.map((x) => ({ heading: `${x.instrument} – dine svar fra ${danishDate(x.answeredOn)}`, answers: x.answers })) };
    }
    return view;
  }

  /** The course, if it is the caller's municipality's; anything else is "not found", never "forbidden". */
  private async course(em: EntityManager, p: Principal, courseId: string, lock = false): Promise<CourseRef> {
    const course = UUID.test(courseId)
      ? await em.findOne(Course, {
          where: { id: courseId, municipalityId: p.municipalityId },
          select: { id: true, municipalityId: true, status: true, citizenId: true, householdId: true },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    if (!course) throw plansError.courseNotFound();
    return course;
  }

  /**
   * A plan read in one statement (issue 17: each statement is a round trip the reader waits for): the course (its
   * 404), its plan (not published yet: 404), the version asked for (the current one by default) and its author's
   * name. The access check before it has already read the course's facts; this only tells the three 404s apart.
   */
  private async publishedVersion(p: Principal, courseId: string, version?: number): Promise<{ row: PlanVersion; authorName: string | null; hasDraft: boolean }> {
    if (!UUID.test(courseId)) throw plansError.courseNotFound();
    const [r] = (await this.ds.query(
      `SELECT p.current_version AS "currentVersion", p.draft IS NOT NULL AS "hasDraft",
              v.id, v.municipality_id AS "municipalityId", v.plan_id AS "planId", v.version, v.content, v.author_id AS "authorId",
              v.published_at AS "publishedAt", v.change_summary AS "changeSummary", v.change_summary_concerns AS "changeSummaryConcerns",
              v.source_meeting_id AS "sourceMeetingId", s.name AS "authorName"
         FROM course c
         LEFT JOIN plan p ON p.municipality_id = c.municipality_id AND p.course_id = c.id
         LEFT JOIN plan_version v ON v.municipality_id = p.municipality_id AND v.plan_id = p.id AND v.version = COALESCE($3::int, p.current_version)
         LEFT JOIN staff_member s ON s.municipality_id = v.municipality_id AND s.id = v.author_id
        WHERE c.municipality_id = $1 AND c.id = $2`,
      [p.municipalityId, courseId, version ?? null],
    )) as (Partial<PlanVersion> & { currentVersion: number | null; hasDraft: boolean | null; authorName: string | null })[];
    if (!r) throw plansError.courseNotFound();
    if (!r.currentVersion) throw plansError.notPublished();
    if (!r.id) throw plansError.versionNotFound();
    const row = { ...r, publishedAt: new Date(r.publishedAt as Date) } as PlanVersion;
    return { row, authorName: r.authorName, hasDraft: r.hasDraft === true };
  }

  private async publishedPlan(em: EntityManager, p: Principal, courseId: string): Promise<Plan> {
    await this.course(em, p, courseId);
    const plan = await em.findOne(Plan, { where: { courseId, municipalityId: p.municipalityId } });
    if (!plan || plan.currentVersion === 0) throw plansError.notPublished();
    return plan;
  }

  /** The plan row, created on first use and locked for the rest of the transaction. */
  private async lockedPlan(em: EntityManager, course: CourseRef): Promise<Plan> {
    const where = { courseId: course.id, municipalityId: course.municipalityId };
    const lock = { mode: 'pessimistic_write' as const };
    const existing = await em.findOne(Plan, { where, lock });
    if (existing) return existing;
    // Two first writes may race: ON CONFLICT DO NOTHING lets the loser wait for and then lock the winner's row.
    await em.createQueryBuilder().insert().into(Plan).values({ courseId: course.id, municipalityId: course.municipalityId }).orIgnore().execute();
    return em.findOneOrFail(Plan, { where, lock });
  }

  /**
   * Checks the content's references; returns the names of `authorId` (when given) for the answer. The legal-basis
   * catalogue, the staff and units named and the author's name come in one statement; the course's citizens are
   * passed in when the caller read them with the course.
   */
  /**
   * The course for a publish, locked, with its citizens (the main citizen and the household's members) in the
   * same statement; "not found" as `course()` says it.
   */
  private async lockedCourse(em: EntityManager, p: Principal, courseId: string): Promise<{ course: Course; citizenIds: Set<string> }> {
    if (!UUID.test(courseId)) throw plansError.courseNotFound();
    const { entities, raw } = await em
      .createQueryBuilder(Course, 'c')
      .addSelect(
        `COALESCE((SELECT json_agg(m.citizen_id) FROM household_member m WHERE m.municipality_id = c.municipality_id AND m.household_id = c.household_id), '[]')`,
        'members',
      )
      .where('c.id = :courseId AND c.municipalityId = :m', { courseId, m: p.municipalityId })
      .setLock('pessimistic_write')
      .getRawAndEntities<{ members: string[] }>();
    const course = entities[0];
    if (!course) throw plansError.courseNotFound();
    return { course, citizenIds: new Set([...(course.citizenId ? [course.citizenId] : []), ...raw[0].members]) };
  }

  /** `lockedPlan` with the current version's content in the same statement (null before the first version). */
  private async lockedPlanWithCurrent(em: EntityManager, course: CourseRef): Promise<{ plan: Plan; currentContent: PlanContent | null }> {
    const read = () =>
      em
        .createQueryBuilder(Plan, 'p')
        .addSelect(
          `(SELECT v.content FROM plan_version v WHERE v.municipality_id = p.municipality_id AND v.plan_id = p.id AND v.version = p.current_version)`,
          'current_content',
        )
        .where('p.courseId = :courseId AND p.municipalityId = :m', { courseId: course.id, m: course.municipalityId })
        .setLock('pessimistic_write')
        .getRawAndEntities<{ current_content: PlanContent | null }>();
    let found = await read();
    if (!found.entities.length) {
      // Two first writes may race: ON CONFLICT DO NOTHING lets the loser wait for and then lock the winner's row.
      await em.createQueryBuilder().insert().into(Plan).values({ courseId: course.id, municipalityId: course.municipalityId }).orIgnore().execute();
      found = await read();
    }
    const plan = found.entities[0];
    if (!plan) throw new Error('plan row missing after insert');
    return { plan, currentContent: found.raw[0].current_content ?? null };
  }

  private async validate(
    em: EntityManager,
    course: CourseRef,
    content: PlanContent,
    publishing: boolean,
    knownCitizens?: ReadonlySet<string>,
    authorId?: string,
  ): Promise<Map<string, string>> {
    const wanted = referencedResponsibles(content);
    const m = course.municipalityId;
    // Ids that are no UUID cannot name a record: left out of the query (a cast would fail), reported as unknown.
    const uuids = (ids: Set<string>) => [...ids].filter((id) => UUID.test(id));
    const [refs] = (await em.query(
      `SELECT COALESCE((SELECT json_agg(b.code) FROM legal_basis b WHERE b.municipality_id = $1), '[]') AS "legalBases",
              COALESCE((SELECT json_agg(s.id) FROM staff_member s WHERE s.municipality_id = $1 AND s.id = ANY($2::uuid[])), '[]') AS staff,
              COALESCE((SELECT json_agg(u.id) FROM org_unit u WHERE u.municipality_id = $1 AND u.id = ANY($3::uuid[])), '[]') AS units,
              (SELECT s.name FROM staff_member s WHERE s.municipality_id = $1 AND s.id = $4::uuid) AS "authorName"`,
      [m, uuids(wanted.staffIds), uuids(wanted.unitIds), authorId && UUID.test(authorId) ? authorId : null],
    )) as { legalBases: string[]; staff: string[]; units: string[]; authorName: string | null }[];
    const legalBases = this.legalBases.withCore(refs.legalBases);
    const citizenIds = knownCitizens ?? (await this.courseCitizens(em, course));
    const problems = validatePlanContent(
      content,
      { legalBases, staffIds: new Set(refs.staff), unitIds: new Set(refs.units), citizenIds: new Set(citizenIds) },
      { publishing, today: danishToday(this.clock) },
    );
    if (problems.length) throw plansError.contentInvalid(problems);
    return authorId && refs.authorName !== null ? new Map([[authorId, refs.authorName]]) : new Map();
  }

  /**
   * sourceMeetingId has no foreign key (meetings build on plans, not the other way round), so the service
   * checks it: a meeting of the course, or a board meeting that takes the course up.
   */
  private async requireCourseMeeting(em: EntityManager, course: CourseRef, meetingId: string): Promise<void> {
    const rows = (await em.query(
      `SELECT 1 FROM meeting m WHERE m.id = $1 AND m.municipality_id = $2
         AND (m.course_id = $3 OR EXISTS (SELECT 1 FROM meeting_course mc WHERE mc.meeting_id = m.id AND mc.municipality_id = $2 AND mc.course_id = $3))`,
      [meetingId, course.municipalityId, course.id],
    )) as unknown[];
    if (!rows.length) throw plansError.sourceMeetingUnknown();
  }

  private async courseCitizens(em: EntityManager, course: CourseRef): Promise<Set<string>> {
    return new Set(await courseCitizenIds(em, course));
  }

  /** What a save starts from: the draft if there is one, else the current version. */
  private async baseContent(em: EntityManager, plan: Plan): Promise<PlanContent | null> {
    if (plan.draft) return plan.draft;
    if (!plan.currentVersion) return null;
    return (await em.findOne(PlanVersion, { where: { planId: plan.id, municipalityId: plan.municipalityId, version: plan.currentVersion } }))?.content ?? null;
  }

  private async staffNames(em: EntityManager, municipalityId: string, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)].filter((id) => UUID.test(id));
    if (!unique.length) return new Map();
    const rows = await em.find(StaffMember, { where: { id: In(unique), municipalityId }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private summary(r: PlanVersion, names: Map<string, string>): PlanVersionSummaryDto {
    return {
      id: r.id,
      version: r.version,
      authorId: r.authorId,
      authorName: names.get(r.authorId) ?? null,
      publishedAt: r.publishedAt.toISOString(),
      changeSummary: r.changeSummary,
      changeSummaryConcerns: r.changeSummaryConcerns,
      sourceMeetingId: r.sourceMeetingId,
    };
  }

  private versionDto(r: PlanVersion, authorName: string | null, courseId: string, viewer?: Viewer): PlanVersionDto {
    return { ...this.summary(r, new Map(authorName === null ? [] : [[r.authorId, authorName]])), courseId, content: viewer ? planFor(viewer, r.content) : r.content };
  }

  private draftDto(plan: Pick<Plan, 'draft' | 'draftBaseVersion' | 'currentVersion' | 'draftRevision' | 'draftUpdatedBy' | 'draftUpdatedAt'>, viewer?: Viewer): PlanDraftDto {
    return {
      exists: plan.draft !== null,
      content: plan.draft && viewer ? planFor(viewer, plan.draft) : plan.draft,
      baseVersion: plan.draftBaseVersion ?? plan.currentVersion,
      revision: plan.draftRevision,
      updatedBy: plan.draftUpdatedBy,
      updatedAt: plan.draftUpdatedAt ? plan.draftUpdatedAt.toISOString() : null,
    };
  }
}
