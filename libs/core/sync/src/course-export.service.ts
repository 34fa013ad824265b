import { Injectable, Inject } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import type { Viewer } from '@enplan/core/access';
import { Citizen } from '@enplan/core/citizens';
import { Consent, Course, courseCitizenIds, inForce, TeamAssignment } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { CORE_LEGAL_BASES, LegalBasis, Plan, PlanVersion, planFor, type LegalBasisEntry, type PlanContent } from '@enplan/core/plans';
import { CLOCK, danishDay, type Clock } from '@enplan/shared/util';
import { Decision, decisionVisibleTo } from '@enplan/core/decisions';
import { courseFhirBundle, type FhirCourseInput } from './fhir/course-bundle.js';
import { employmentPlanExtract, type EmploymentPlanExtract } from './employment/employment-plan.js';
import { syncError } from './sync.error.js';

const ROLE_DA: Record<string, string> = {
  coordinator: 'Koordinator',
  caseworker: 'Sagsbehandler',
  buddy: 'Makker',
  'primary-contact': 'Primær kontaktperson',
  provider: 'Udfører',
  'external-participant': 'Ekstern deltager',
};

/** Everything the sector exports of one course need, read once. */
export interface CourseSyncData {
  course: Course;
  municipality: Municipality;
  /** The course's citizen first, then the other household members. */
  citizens: Citizen[];
  version: PlanVersion | null;
  authorName: string | null;
  team: { assignment: TeamAssignment; staff: StaffMember }[];
  units: OrgUnit[];
  consents: Consent[];
  legalBases: LegalBasisEntry[];
  /** Staff and unit names by id, for "who is responsible". */
  names: Map<string, string>;
  /** The course's decided (and notified) decisions, oldest first. */
  decisions: Decision[];
}

/**
 * Reads a course's data for the exports (FHIR, employment plan, archive, JSON push) and builds them: one place,
 * so the route and the delivery adapters export the same thing from the one plan.
 */
@Injectable()
export class CourseExportService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `version` null = the current version; `em` lets a caller read inside its own transaction. */
  async load(municipalityId: string, courseId: string, version: number | null = null, em: EntityManager = this.ds.manager): Promise<CourseSyncData> {
    const course = await em.findOne(Course, { where: { id: courseId, municipalityId } });
    if (!course) throw syncError.courseNotFound();
    const municipality = await em.findOneOrFail(Municipality, { where: { id: municipalityId } });
    const citizenIds = await courseCitizenIds(em, course);
    const rows = citizenIds.length ? await em.find(Citizen, { where: { id: In(citizenIds), municipalityId } }) : [];
    const citizens = [...rows].sort((a, b) => Number(b.id === course.citizenId) - Number(a.id === course.citizenId) || a.birthDate.localeCompare(b.birthDate) || a.id.localeCompare(b.id));
    const plan = await em.findOne(Plan, { where: { courseId, municipalityId } });
    const wanted = version ?? plan?.currentVersion ?? 0;
    const pv = plan && wanted > 0 ? await em.findOne(PlanVersion, { where: { planId: plan.id, municipalityId, version: wanted } }) : null;
    const assignments = await em.find(TeamAssignment, { where: { courseId, municipalityId, endsOn: IsNull() }, order: { startsOn: 'ASC', id: 'ASC' } });
    const content = pv?.content;
    const staffIds = new Set([...assignments.map((a) => a.staffMemberId), ...(pv ? [pv.authorId] : [])]);
    const unitIds = new Set<string>();
    for (const r of [...(content?.actions ?? []), ...(content?.agreements ?? [])].map((x) => x.responsible)) {
      if (r.kind === 'staff' && r.id) staffIds.add(r.id);
      if (r.kind === 'unit' && r.id) unitIds.add(r.id);
    }
    const day = danishDay(this.clock.now());
    const consents = (await em.find(Consent, { where: { courseId, municipalityId, kind: 'information-sharing' }, order: { validFrom: 'ASC', id: 'ASC' } })).filter((c) =>
      inForce(c, day, this.clock.now()),
    );
    for (const c of consents) for (const u of c.partyUnitIds) unitIds.add(u);
    const staff = staffIds.size ? await em.find(StaffMember, { where: { id: In([...staffIds]), municipalityId } }) : [];
    const units = unitIds.size ? await em.find(OrgUnit, { where: { id: In([...unitIds]), municipalityId }, order: { name: 'ASC' } }) : [];
    const names = new Map<string, string>([...staff.map((s) => [s.id, s.name] as const), ...units.map((u) => [u.id, u.name] as const)]);
    const byId = new Map(staff.map((s) => [s.id, s]));
    const own = await em.find(LegalBasis, { where: { municipalityId }, order: { code: 'ASC' } });
    const decisions = await em.find(Decision, { where: { courseId, municipalityId, status: Not('draft') }, order: { decidedAt: 'ASC', id: 'ASC' } });
    return {
      course,
      municipality,
      citizens,
      version: pv,
      authorName: pv ? (names.get(pv.authorId) ?? null) : null,
      team: assignments.flatMap((assignment) => {
        const s = byId.get(assignment.staffMemberId);
        return s ? [{ assignment, staff: s }] : [];
      }),
      units,
      consents,
      legalBases: [...CORE_LEGAL_BASES, ...own.map((b) => ({ code: b.code, law: b.law, paragraph: b.paragraph, title: b.title }))],
      names,
      decisions,
    };
  }

  /** The FHIR R4 Bundle of the course, its plan narrowed to what `viewer` may see (absent = the whole plan). */
  fhirBundle(d: CourseSyncData, viewer?: Viewer): Record<string, unknown> {
    const content: PlanContent | undefined = d.version ? (viewer ? planFor(viewer, d.version.content) : d.version.content) : undefined;
    const input: FhirCourseInput = {
      course: { id: d.course.id, status: d.course.status, activatedOn: d.course.activatedOn, referredOn: d.course.referredOn, endDate: d.course.endDate, citizenId: d.course.citizenId },
      municipality: { code: d.municipality.code, name: d.municipality.name },
      citizens: d.citizens.map((c) => ({ id: c.id, cpr: c.cpr, name: c.name, birthDate: c.birthDate })),
      plan: d.version && content ? { version: d.version.version, publishedAt: d.version.publishedAt.toISOString(), content } : null,
      team: d.team.map(({ assignment: a, staff }) => ({ staffMemberId: staff.id, name: staff.name, role: a.role, roleLabel: ROLE_DA[a.role] ?? a.role, since: a.startsOn })),
      units: d.units.map((u) => ({ id: u.id, name: u.name })),
      consents: d.consents.map((c) => ({ id: c.id, citizenId: c.citizenId, purpose: c.purpose, partyUnitIds: c.partyUnitIds, validFrom: c.validFrom, validTo: c.validTo, recordedAt: c.recordedAt.toISOString() })),
      legalBases: d.legalBases,
      decisions: this.fhirDecisions(d, viewer),
      now: this.clock.now().toISOString(),
    };
    return courseFhirBundle(input);
  }

  /** The decisions the reader may see (all for a delivery), with their provision from the catalogue. */
  private fhirDecisions(d: CourseSyncData, viewer?: Viewer): FhirCourseInput['decisions'] {
    const visible = d.decisions.filter((x) => x.decidedAt && x.legalBasis && (!viewer || decisionVisibleTo(viewer, x)));
    return visible.flatMap((x) => {
      const basis = d.legalBases.find((b) => b.code === x.legalBasis);
      if (!basis || !x.decidedAt) return [];
      return [
        {
          id: x.id,
          legalBasis: { code: basis.code, law: basis.law, paragraph: basis.paragraph, title: basis.title },
          decidedAt: x.decidedAt.toISOString(),
          effectiveFrom: x.effectiveFrom,
          effectiveTo: x.effectiveTo,
          supersedesId: x.supersedesId,
          superseded: d.decisions.some((o) => o.supersedesId === x.id),
        },
      ];
    });
  }

  /** The employment-plan extract of a version, narrowed to what `viewer` may see (absent = all); null before the first version. */
  employmentPlan(d: CourseSyncData, viewer?: Viewer): EmploymentPlanExtract | null {
    if (!d.version) return null;
    const main = d.course.citizenId ? d.citizens.find((c) => c.id === d.course.citizenId) : undefined;
    return employmentPlanExtract({
      municipalityCode: d.municipality.code,
      courseId: d.course.id,
      citizen: main ? { cpr: main.cpr } : null,
      version: d.version.version,
      publishedAt: d.version.publishedAt.toISOString(),
      content: viewer ? planFor(viewer, d.version.content) : d.version.content,
      legalBases: d.legalBases,
      names: d.names,
    });
  }
}
