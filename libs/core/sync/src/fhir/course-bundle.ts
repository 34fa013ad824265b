import { createHash } from 'node:crypto';
import type { PlanAction, PlanAgreement, PlanContent, PlanGoal, LegalBasisEntry } from '@enplan/core/plans';

/**
 * The FHIR R4 export of one course: a `collection` Bundle with the plan as a CarePlan, its goal tree as Goals,
 * the team as a CareTeam of Practitioners, the sharing consents in force and the citizen(s) as Patients
 * identified by CPR. The profiles followed are named in `meta.profile` of each resource and in the README
 * (with the places this export deviates from them). Pure: the service hands in what the reader may see.
 */

/** KL's common municipal information model, care and social (hl7dk/KL-dk, FHIR 4.0.1). */
export const KL_CANONICAL = 'http://kl.dk/fhir/common/caresocial';
export const KL_PROFILE = {
  carePlan: `${KL_CANONICAL}/StructureDefinition/KLCommonCareSocialCarePlan`,
  goal: `${KL_CANONICAL}/StructureDefinition/KLCommonCareSocialGoal`,
  purpose: `${KL_CANONICAL}/StructureDefinition/KLCommonCareSocialPurpose`,
  citizen: `${KL_CANONICAL}/StructureDefinition/KLCommonCitizen`,
  practitioner: `${KL_CANONICAL}/StructureDefinition/KLCommonPractitioner`,
  organization: `${KL_CANONICAL}/StructureDefinition/KLCommonOrganization`,
  servicePerformer: `${KL_CANONICAL}/StructureDefinition/KLCommonServicePerformer`,
} as const;
/** KL's code system (goal categories: purpose, goal, sub-goal). */
export const KL_CODES = `${KL_CANONICAL}/CodeSystem/KLCommonCareSocialCodes`;
/** KL category codes, from the profiles' own examples (KLCommonCareSocialGoal.fsh). */
export const KL_GOAL_CATEGORY = {
  purpose: { code: '424827b1-23aa-4848-962b-56ee47def560', display: 'Indsatsformål' },
  goal: { code: '0bb3daef-538d-45dc-b444-abdbcb63f6bc', display: 'FFB indsatsmål' },
  subGoal: { code: '6746d4af-145a-4bfd-a672-05c0cf11b53b', display: 'FFB delmål' },
} as const;
/** HL7 Denmark core (hl7dk/dk-core): the patient profile and the CPR identifier system. */
export const DK_CORE_PATIENT = 'http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient';
export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';
export const GOAL_RELATIONSHIP = 'http://hl7.org/fhir/StructureDefinition/goal-relationship';

/** enplan's own canonical, for what the profiles lack (README: "Extensions"). */
export const ENPLAN_FHIR = 'https://enplan.dk/fhir';
export const ENPLAN_EXT = {
  citizenWords: `${ENPLAN_FHIR}/StructureDefinition/citizen-words`,
  legalBasis: `${ENPLAN_FHIR}/StructureDefinition/legal-basis`,
  agreement: `${ENPLAN_FHIR}/StructureDefinition/agreement`,
  planVersion: `${ENPLAN_FHIR}/StructureDefinition/plan-version`,
  citizenAgreed: `${ENPLAN_FHIR}/StructureDefinition/citizen-agreed`,
} as const;
export const ENPLAN_SYSTEM = {
  course: `${ENPLAN_FHIR}/NamingSystem/course`,
  municipality: `${ENPLAN_FHIR}/NamingSystem/municipality-code`,
  staff: `${ENPLAN_FHIR}/NamingSystem/staff`,
  unit: `${ENPLAN_FHIR}/NamingSystem/org-unit`,
  legalBasis: `${ENPLAN_FHIR}/CodeSystem/legal-basis`,
  teamRole: `${ENPLAN_FHIR}/CodeSystem/team-role`,
  carePlanCategory: `${ENPLAN_FHIR}/CodeSystem/care-plan-category`,
  decision: `${ENPLAN_FHIR}/NamingSystem/decision`,
  documentType: `${ENPLAN_FHIR}/CodeSystem/document-type`,
} as const;

export interface FhirCitizen {
  id: string;
  cpr: string;
  name: string;
  birthDate: string;
}

export interface FhirTeamMember {
  staffMemberId: string;
  name: string;
  role: string;
  roleLabel: string;
  since: string;
}

export interface FhirUnit {
  id: string;
  name: string;
}

export interface FhirConsent {
  id: string;
  citizenId: string;
  purpose: string;
  partyUnitIds: string[];
  validFrom: string;
  validTo: string | null;
  recordedAt: string;
}

export interface FhirDecision {
  id: string;
  legalBasis: { code: string; law: string; paragraph: string; title: string };
  decidedAt: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  supersedesId: string | null;
  /** Superseded by a later decided decision. */
  superseded: boolean;
}

export interface FhirCourseInput {
  course: { id: string; status: string; activatedOn: string | null; referredOn: string; endDate: string | null; citizenId: string | null };
  municipality: { code: string; name: string };
  /** The course's citizen, or in a family course the household members, in that order. */
  citizens: FhirCitizen[];
  /** The current plan version as the reader may see it; null before the first version. */
  plan: { version: number; publishedAt: string; content: PlanContent } | null;
  team: FhirTeamMember[];
  /** Units named as responsible for actions or as consent parties. */
  units: FhirUnit[];
  consents: FhirConsent[];
  legalBases: readonly LegalBasisEntry[];
  /** The course's decided (and notified) decisions the reader may see: each a DocumentReference to its letter. */
  decisions?: FhirDecision[];
  /** When the export was made (Bundle.timestamp). */
  now: string;
}

type Json = Record<string, unknown>;

/** A stable UUID (name-based, SHA-256 like RFC 9562 v8) so the same item gets the same id in every export. */
export function stableUuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const GOAL_LIFECYCLE: Record<PlanGoal['status'], string> = { 'not-started': 'planned', 'in-progress': 'active', achieved: 'completed', dropped: 'cancelled' };
const ACTIVITY_STATUS: Record<PlanAction['status'], string> = { planned: 'scheduled', active: 'in-progress', changed: 'in-progress', stopped: 'stopped', done: 'completed' };
const CAREPLAN_STATUS: Record<string, string> = { referred: 'draft', assessed: 'draft', active: 'active', paused: 'on-hold', closed: 'completed', declined: 'revoked' };

/** "Anna Marie Jensen" → family Jensen, given Anna Marie (the official name dk-core asks for has a family name). */
function humanName(name: string): Json {
  const parts = name.trim().split(/\s+/);
  const family = parts.length > 1 ? parts[parts.length - 1] : parts[0];
  const given = parts.length > 1 ? parts.slice(0, -1) : [];
  return { use: 'official', text: name.trim(), family, ...(given.length ? { given } : {}) };
}

export function courseFhirBundle(input: FhirCourseInput): Json {
  const { course } = input;
  const urn = (kind: string, id: string) => `urn:uuid:${stableUuid(course.id, kind, id)}`;
  const entries: { fullUrl: string; resource: Json }[] = [];
  const add = (fullUrl: string, resource: Json) => entries.push({ fullUrl, resource: { ...resource, id: fullUrl.slice('urn:uuid:'.length) } });

  const orgUrl = urn('Organization', input.municipality.code);
  add(orgUrl, {
    resourceType: 'Organization',
    meta: { profile: [KL_PROFILE.organization] },
    identifier: [{ system: ENPLAN_SYSTEM.municipality, value: input.municipality.code }],
    name: input.municipality.name,
  });
  const unitUrl = new Map<string, string>();
  for (const u of input.units) {
    const url = urn('Organization', u.id);
    unitUrl.set(u.id, url);
    add(url, {
      resourceType: 'Organization',
      meta: { profile: [KL_PROFILE.organization] },
      identifier: [{ system: ENPLAN_SYSTEM.unit, value: u.id }],
      name: u.name,
      partOf: { reference: orgUrl },
    });
  }

  const patientUrl = new Map<string, string>();
  for (const c of input.citizens) {
    const url = urn('Patient', c.id);
    patientUrl.set(c.id, url);
    add(url, {
      resourceType: 'Patient',
      meta: { profile: [KL_PROFILE.citizen, DK_CORE_PATIENT] },
      identifier: [{ use: 'official', system: CPR_SYSTEM, value: c.cpr }],
      name: [humanName(c.name)],
      birthDate: c.birthDate,
    });
  }
  // A family course without a main citizen has the household as its subject (a Group of the members).
  let subject: string | undefined = course.citizenId ? patientUrl.get(course.citizenId) : undefined;
  if (!subject && input.citizens.length) {
    subject = urn('Group', course.id);
    add(subject, {
      resourceType: 'Group',
      type: 'person',
      actual: true,
      name: 'Familien',
      member: input.citizens.map((c) => ({ entity: { reference: patientUrl.get(c.id) } })),
    });
  }
  const subjectRef = subject ? { reference: subject } : undefined;

  const staffUrl = new Map<string, string>();
  for (const m of input.team) {
    if (staffUrl.has(m.staffMemberId)) continue;
    const url = urn('Practitioner', m.staffMemberId);
    staffUrl.set(m.staffMemberId, url);
    add(url, {
      resourceType: 'Practitioner',
      meta: { profile: [KL_PROFILE.practitioner] },
      identifier: [{ system: ENPLAN_SYSTEM.staff, value: m.staffMemberId }],
      name: [{ text: m.name }],
    });
  }
  const careTeamUrl = urn('CareTeam', course.id);
  add(careTeamUrl, {
    resourceType: 'CareTeam',
    meta: { profile: [KL_PROFILE.servicePerformer] },
    status: course.status === 'closed' || course.status === 'declined' ? 'inactive' : 'active',
    name: 'Teamet omkring borgeren',
    ...(subjectRef ? { subject: subjectRef } : {}),
    managingOrganization: [{ reference: orgUrl }],
    participant: input.team.map((m) => ({
      role: [{ coding: [{ system: ENPLAN_SYSTEM.teamRole, code: m.role, display: m.roleLabel }], text: m.roleLabel }],
      member: { reference: staffUrl.get(m.staffMemberId), display: m.name },
      period: { start: m.since },
    })),
  });

  const content = input.plan?.content;
  const goalUrls: string[] = [];
  let purposeUrl: string | undefined;
  if (content && content.overallGoal.text) {
    purposeUrl = urn('Goal', 'overall');
    goalUrls.push(purposeUrl);
    add(purposeUrl, {
      resourceType: 'Goal',
      meta: { profile: [KL_PROFILE.purpose] },
      extension: [{ url: ENPLAN_EXT.citizenAgreed, valueBoolean: content.overallGoal.citizenAgreed }],
      lifecycleStatus: 'active',
      category: [{ coding: [{ system: KL_CODES, ...KL_GOAL_CATEGORY.purpose }] }],
      description: { text: content.overallGoal.text },
      ...(subjectRef ? { subject: subjectRef } : {}),
      ...(course.citizenId && patientUrl.has(course.citizenId) ? { expressedBy: { reference: patientUrl.get(course.citizenId) } } : {}),
      ...(content.overallGoal.agreedOn ? { statusDate: content.overallGoal.agreedOn } : {}),
    });
  }
  const goalUrl = (id: string) => urn('Goal', `goal:${id}`);
  const goalIds = new Set(content?.goals.map((g) => g.id) ?? []);
  for (const g of content?.goals ?? []) {
    const parent = g.parentId && goalIds.has(g.parentId) ? goalUrl(g.parentId) : purposeUrl;
    const url = goalUrl(g.id);
    goalUrls.push(url);
    add(url, {
      resourceType: 'Goal',
      meta: { profile: [KL_PROFILE.goal] },
      ...(parent
        ? {
            extension: [
              {
                url: GOAL_RELATIONSHIP,
                extension: [
                  { url: 'type', valueCodeableConcept: { text: 'based-on' } },
                  { url: 'target', valueReference: { reference: parent } },
                ],
              },
            ],
          }
        : {}),
      identifier: [{ system: `${ENPLAN_SYSTEM.course}/${course.id}/goal`, value: g.id }],
      lifecycleStatus: GOAL_LIFECYCLE[g.status],
      ...(g.status === 'achieved' ? { achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: 'achieved' }] } } : {}),
      category: [{ coding: [{ system: KL_CODES, ...(g.parentId && goalIds.has(g.parentId) ? KL_GOAL_CATEGORY.subGoal : KL_GOAL_CATEGORY.goal) }] }],
      description: { text: g.title },
      ...(subjectRef ? { subject: subjectRef } : {}),
      ...(g.targetDate ? { target: [{ dueDate: g.targetDate }] } : {}),
    });
  }

  if (content) {
    const basis = new Map(input.legalBases.map((b) => [b.code.toUpperCase(), b]));
    const performer = (r: PlanAction['responsible']): Json | undefined => {
      if (r.kind === 'citizen') return subjectRef && course.citizenId ? subjectRef : undefined;
      const url = r.id ? (r.kind === 'unit' ? unitUrl.get(r.id) : staffUrl.get(r.id)) : undefined;
      return url ? { reference: url } : undefined;
    };
    const actionActivity = (a: PlanAction): Json => {
      const b = basis.get(a.legalBasis.toUpperCase());
      const who = performer(a.responsible);
      return {
        extension: [{ url: ENPLAN_EXT.legalBasis, valueCoding: { system: ENPLAN_SYSTEM.legalBasis, code: a.legalBasis, ...(b ? { display: `${b.law} ${b.paragraph}` } : {}) } }],
        detail: {
          code: { coding: [{ system: ENPLAN_SYSTEM.legalBasis, code: a.legalBasis, ...(b ? { display: b.title } : {}) }], text: b?.title ?? a.legalBasis },
          status: ACTIVITY_STATUS[a.status],
          ...(goalIds.has(a.goalId) ? { goal: [{ reference: goalUrl(a.goalId) }] } : {}),
          scheduledPeriod: { start: a.startDate, ...(a.deadline ? { end: a.deadline } : {}) },
          ...(who ? { performer: [who] } : {}),
          description: a.title,
        },
      };
    };
    const agreementActivity = (a: PlanAgreement): Json => {
      const who = performer(a.responsible);
      return {
        extension: [{ url: ENPLAN_EXT.agreement, valueBoolean: true }],
        detail: {
          status: a.done ? 'completed' : 'not-started',
          ...(a.due ? { scheduledString: `senest ${a.due}` } : {}),
          ...(who ? { performer: [who] } : {}),
          description: a.text,
        },
      };
    };
    const words = content.citizenWords;
    const wordParts = (
      [
        ['worries', words.worries],
        ['whatWorks', words.whatWorks],
        ['dreamsAndWishes', words.dreamsAndWishes],
      ] as const
    ).filter(([, v]) => v);
    add(urn('CarePlan', course.id), {
      resourceType: 'CarePlan',
      meta: { profile: [KL_PROFILE.carePlan] },
      extension: [
        ...(wordParts.length ? [{ url: ENPLAN_EXT.citizenWords, extension: wordParts.map(([k, v]) => ({ url: k, valueString: v })) }] : []),
        { url: ENPLAN_EXT.planVersion, valueInteger: input.plan?.version },
      ],
      identifier: [{ system: ENPLAN_SYSTEM.course, value: course.id }],
      status: CAREPLAN_STATUS[course.status] ?? 'unknown',
      intent: 'plan',
      category: [{ coding: [{ system: ENPLAN_SYSTEM.carePlanCategory, code: 'en-plan', display: 'Én plan (helhedsorienteret plan)' }] }],
      title: 'Én plan',
      ...(content.overallGoal.text ? { description: content.overallGoal.text } : {}),
      ...(subjectRef ? { subject: subjectRef } : {}),
      period: { start: course.activatedOn ?? course.referredOn, ...(course.endDate ? { end: course.endDate } : {}) },
      created: input.plan?.publishedAt,
      author: { reference: orgUrl },
      careTeam: [{ reference: careTeamUrl }],
      goal: goalUrls.map((reference) => ({ reference })),
      activity: [...content.actions.map(actionActivity), ...content.agreements.map(agreementActivity)],
    });
  }

  for (const c of input.consents) {
    const patient = patientUrl.get(c.citizenId);
    if (!patient) continue;
    add(urn('Consent', c.id), {
      resourceType: 'Consent',
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
      patient: { reference: patient },
      dateTime: c.recordedAt,
      organization: [{ reference: orgUrl }],
      policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN', display: 'opt-in' }], text: c.purpose },
      provision: {
        type: 'permit',
        period: { start: c.validFrom, ...(c.validTo ? { end: c.validTo } : {}) },
        actor: c.partyUnitIds
          .filter((id) => unitUrl.has(id))
          .map((id) => ({ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] }, reference: { reference: unitUrl.get(id) } })),
      },
    });
  }

  // Decisions (afgørelser) are kept apart from the plan: each a DocumentReference to its letter (PDF), in the plan's
  // context, `relatesTo` `replaces` the decision it supersedes. KL defines no profile for them: base R4.
  const carePlanUrl = content ? urn('CarePlan', course.id) : undefined;
  const decisionIds = new Set((input.decisions ?? []).map((d) => d.id));
  for (const d of input.decisions ?? []) {
    const provision = `${d.legalBasis.law} ${d.legalBasis.paragraph}`;
    add(urn('DocumentReference', d.id), {
      resourceType: 'DocumentReference',
      identifier: [{ system: ENPLAN_SYSTEM.decision, value: d.id }],
      status: d.superseded ? 'superseded' : 'current',
      docStatus: 'final',
      type: { coding: [{ system: ENPLAN_SYSTEM.documentType, code: 'decision', display: 'Afgørelse' }], text: 'Afgørelse' },
      category: [{ coding: [{ system: ENPLAN_SYSTEM.legalBasis, code: d.legalBasis.code, display: `${provision} (${d.legalBasis.title})` }] }],
      ...(subjectRef ? { subject: subjectRef } : {}),
      date: d.decidedAt,
      author: [{ reference: orgUrl }],
      description: `Afgørelse efter ${provision}`,
      ...(d.supersedesId && decisionIds.has(d.supersedesId) ? { relatesTo: [{ code: 'replaces', target: { reference: urn('DocumentReference', d.supersedesId) } }] } : {}),
      content: [{ attachment: { contentType: 'application/pdf', url: `/api/v1/decisions/${d.id}/letter.pdf`, title: `Afgørelse efter ${provision}` } }],
      context: {
        ...(d.effectiveFrom ? { period: { start: d.effectiveFrom, ...(d.effectiveTo ? { end: d.effectiveTo } : {}) } } : {}),
        ...(carePlanUrl ? { related: [{ reference: carePlanUrl }] } : {}),
      },
    });
  }

  return {
    resourceType: 'Bundle',
    id: stableUuid(course.id, 'Bundle', String(input.plan?.version ?? 0)),
    meta: { lastUpdated: input.now },
    type: 'collection',
    timestamp: input.now,
    entry: entries,
  };
}
