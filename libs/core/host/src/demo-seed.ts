import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Municipality } from '@enplan/core/database';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { Citizen, Household, HouseholdMember } from '@enplan/core/citizens';
import { Course, CourseTransition, TeamAssignment, courseFacts, loadTeamFacts } from '@enplan/core/courses';
import { Plan, PlanVersion, type PlanContent } from '@enplan/core/plans';
import { PluginRegistry, type PluginDefinition } from '@enplan/core/extensions';
import { CLOCK, parseCpr, type Clock } from '@enplan/shared/util';
import { demoSeedContext } from './demo-seed-context.js';

/**
 * Fixed ids, so `npm run enplan -- token` can mint a token for the demo caseworker without opening the
 * database (which a running API may hold).
 */
export const DEMO = {
  municipalityCode: '999',
  caseworkerId: '00000000-0000-4000-8000-000000000001',
  managerId: '00000000-0000-4000-8000-000000000002',
} as const;

const day = (base: Date, offset: number) => new Date(base.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/** What a seed did: planted the data, or why not. */
export type SeedOutcome = 'planted' | 'has-data' | 'no-demo-municipality';

/** One demo municipality's seed: the core's (model `generic`) or a plugin's. */
export interface SeedReport {
  municipalityCode: string;
  modelId: string;
  outcome: SeedOutcome;
}

@Injectable()
export class DemoSeeder {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly registry: PluginRegistry,
  ) {}

  /**
   * The core's demo (999) and every catalogue plugin's demo municipality that this deployment serves with the
   * plugin enabled, each in its own transaction and each only while the municipality has no data, so a restart
   * plants nothing and one broken demo leaves the others alone.
   */
  async seedAll(): Promise<SeedReport[]> {
    const reports: SeedReport[] = [{ municipalityCode: DEMO.municipalityCode, modelId: 'generic', outcome: await this.seedIfEmpty() }];
    for (const p of this.registry.catalogue()) {
      if (p.demo) reports.push({ municipalityCode: p.demo.municipality.code, modelId: p.id, outcome: await this.seedPluginDemo(p) });
    }
    return reports;
  }

  /** Plants one plugin's demo unless its municipality is not served with the plugin enabled, or has data already. */
  async seedPluginDemo(p: PluginDefinition): Promise<SeedOutcome> {
    const demo = p.demo;
    if (!demo) return 'no-demo-municipality';
    const code = demo.municipality.code;
    if (!this.registry.isEnabled(code, p.id)) return 'no-demo-municipality';
    return this.ds.transaction(async (em) => {
      const m = await em.findOne(Municipality, { where: { code } });
      if (!m) return 'no-demo-municipality';
      if (await em.count(OrgUnit, { where: { municipalityId: m.id } })) return 'has-data';
      const ctx = demoSeedContext(em, { municipalityCode: code, municipalityId: m.id, pluginId: p.id, settings: this.registry.settings(code, p.id) ?? {}, now: this.clock.now(), entities: p.entities ?? [] });
      await demo.seed(ctx);
      await this.verify(em, code, p.id, ctx.courseIds);
      return 'planted';
    });
  }

  /** The demo must be what the API itself would accept: every active course's team keeps its model's rules. */
  private async verify(em: EntityManager, code: string, pluginId: string, courseIds: string[]): Promise<void> {
    for (const id of courseIds) {
      const course = await em.findOneOrFail(Course, { where: { id } });
      if (course.status !== 'active') continue;
      const members = await loadTeamFacts(em, course);
      // Team rules run as hooks (they may read through the core's ports); the seeder is the caller here.
      const principal = { userId: `demo-seed:${pluginId}`, municipalityCode: code, municipalityId: course.municipalityId, roles: [] };
      const broken = await this.registry.teamViolations({ em, principal }, { course: courseFacts(course), members, change: { kind: 'activation' } });
      if (broken.length) throw new Error(`The demo of plugin ${pluginId} breaks its team rules: ${broken.map((b) => b.rule).join(', ')}`);
    }
  }

  /** Plants the core's demo data (999) unless the deployment lacks the demo municipality or it has data already; says which. */
  async seedIfEmpty(): Promise<SeedOutcome> {
    return this.ds.transaction(async (em) => {
      const m = await em.findOne(Municipality, { where: { code: DEMO.municipalityCode } });
      if (!m) return 'no-demo-municipality';
      if (await em.count(OrgUnit, { where: { municipalityId: m.id } })) return 'has-data';
      await this.plant(em, m.id);
      return 'planted';
    });
  }

  private async plant(em: EntityManager, municipalityId: string): Promise<void> {
    const now = this.clock.now();
    const unit = (kind: OrgUnit['kind'], name: string) => em.save(em.create(OrgUnit, { municipalityId, kind, name }));
    const jobCentre = await unit('job-centre', 'Jobcenter Demo');
    const adultSocial = await unit('adult-social', 'Socialafdelingen, voksne');
    const family = await unit('children-family', 'Børn og Familie');
    const addiction = await unit('addiction-treatment', 'Rusmiddelcenter Demo');
    const psychiatry = await unit('psychiatry', 'Distriktspsykiatrien');
    await unit('school', 'Demo Skole');

    const staff = (s: Partial<StaffMember>) => em.save(em.create(StaffMember, { municipalityId, authorityAreas: [], isProvider: false, fte: 1, active: true, ...s }));
    const caseworker = await staff({ id: DEMO.caseworkerId, name: 'Anne Demo (koordinerende sagsbehandler)', unitId: jobCentre.id, function: 'caseworker', authorityAreas: ['employment', 'active-social-policy'] });
    await staff({ id: DEMO.managerId, name: 'Mads Leder', unitId: jobCentre.id, function: 'manager', authorityAreas: ['employment'] });
    const social = await staff({ name: 'Sofie Socialrådgiver', unitId: adultSocial.id, function: 'social-worker', authorityAreas: ['social-adults'] });
    const familyWorker = await staff({ name: 'Frederik Familierådgiver', unitId: family.id, function: 'family-counsellor', authorityAreas: ['children'] });
    const mentor = await staff({ name: 'Mia Mentor', unitId: adultSocial.id, function: 'support-contact-person', isProvider: true });
    await staff({ name: 'Ali Misbrugskonsulent', unitId: addiction.id, function: 'addiction-counsellor', authorityAreas: ['social-adults'] });
    await staff({ name: 'Dr. Petra Psykiater', unitId: psychiatry.id, function: 'health-professional' });

    const citizen = async (cpr: string, name: string, contactChannel: Citizen['contactChannel'] = 'digital-post', languageNeeds: string | null = null) => {
      const parsed = parseCpr(cpr);
      if (!parsed.ok) throw new Error('demo CPR invalid');
      return em.save(em.create(Citizen, { municipalityId, cpr: parsed.value.digits, birthDate: parsed.value.birthDate, name, contactChannel, languageNeeds }));
    };
    const lars = await citizen('1205851237', 'Lars Hansen');
    const fatima = await citizen('0302921854', 'Fatima Ali', 'phone', 'tolk: arabisk');
    const mette = await citizen('2207884012', 'Mette Jensen', 'email');
    const peter = await citizen('1511853147', 'Peter Jensen', 'letter');
    const emma = await citizen('0906124528', 'Emma Jensen');

    const household = await em.save(em.create(Household, { municipalityId, label: 'Familien Jensen' }));
    for (const [c, relation] of [[mette, 'parent'], [peter, 'parent'], [emma, 'child']] as const) {
      await em.save(em.create(HouseholdMember, { municipalityId, householdId: household.id, citizenId: c.id, relation }));
    }

    const course = async (c: Partial<Course>, history: [Course['status'], number, string][]) => {
      const saved = await em.save(em.create(Course, { municipalityId, referredBy: 'Jobcenter Demo, team 3', referralReasonCode: 'multiple-complex-problems', ...c }));
      let from: Course['status'] | null = null;
      for (const [to, offset, reason] of history) {
        await em.save(em.create(CourseTransition, { municipalityId, courseId: saved.id, fromStatus: from, toStatus: to, actorId: caseworker.id, at: new Date(`${day(now, offset)}T10:00:00Z`), reason }));
        from = to;
      }
      return saved;
    };
    const team = (courseId: string, staffMemberId: string, role: TeamAssignment['role'], startsOn: string) =>
      em.save(em.create(TeamAssignment, { municipalityId, courseId, staffMemberId, role, startsOn, assignedBy: caseworker.id }));

    const larsCourse = await course(
      { citizenId: lars.id, targetGroup: 'adults', modelId: 'generic', status: 'active', referredOn: day(now, -120), activatedOn: day(now, -100), referralReason: 'Langvarig kontanthjælp, misbrug og gæld; mange aktører uden fælles plan.' },
      [['referred', -120, 'Henvist fra jobcenterets team 3'], ['assessed', -110, 'Fælles vurdering på opstartsmøde'], ['active', -100, 'Samtykke givet, team sat']],
    );
    for (const [s, role] of [[caseworker, 'coordinator'], [caseworker, 'primary-contact'], [social, 'caseworker'], [mentor, 'provider']] as const) await team(larsCourse.id, s.id, role, day(now, -100));

    const familyCourse = await course(
      { householdId: household.id, citizenId: mette.id, targetGroup: 'families', modelId: 'generic', status: 'active', referredOn: day(now, -60), activatedOn: day(now, -45), referralReasonCode: 'family-at-risk', referralReason: 'Bekymring for Emmas trivsel; begge forældre ledige.' },
      [['referred', -60, 'Underretning fra skolen'], ['assessed', -50, 'Børnefaglig vurdering'], ['active', -45, 'Familien siger ja til forløbet']],
    );
    for (const [s, role] of [[familyWorker, 'coordinator'], [familyWorker, 'primary-contact'], [caseworker, 'caseworker']] as const) await team(familyCourse.id, s.id, role, day(now, -45));

    await course(
      { citizenId: fatima.id, targetGroup: 'adults', modelId: 'generic', status: 'referred', referredOn: day(now, -5), referralReasonCode: 'mental-health', referralReason: 'Sygemeldt med angst; ønsker hjælp til at komme tilbage til uddannelse.' },
      [['referred', -5, 'Henvist af egen læge via jobcenteret']],
    );

    await this.plan(em, municipalityId, larsCourse.id, caseworker.id, now, this.larsVersions(caseworker.id, social.id, mentor.id, jobCentre.id, now));
    await this.plan(em, municipalityId, familyCourse.id, familyWorker.id, now, this.familyVersions(familyWorker.id, mette.id, peter.id, emma.id, now));
  }

  private async plan(em: EntityManager, municipalityId: string, courseId: string, authorId: string, now: Date, versions: { offset: number; summary: string; content: PlanContent }[]) {
    const plan = await em.save(em.create(Plan, { municipalityId, courseId, currentVersion: versions.length, draftRevision: 0 }));
    for (const [i, v] of versions.entries()) {
      await em.save(em.create(PlanVersion, { municipalityId, planId: plan.id, version: i + 1, content: v.content, authorId, publishedAt: new Date(`${day(now, v.offset)}T12:00:00Z`), changeSummary: v.summary }));
    }
  }

  private larsVersions(cw: string, social: string, mentor: string, jobCentre: string, now: Date) {
    const words = { worries: 'Gælden og at jeg ikke kan sove. At jeg ryger tilbage i hashen.', whatWorks: 'Når jeg har noget at stå op til. Min bror.', dreamsAndWishes: 'Et fast arbejde med mine hænder, gerne som tømrer.' };
    const goal = { text: 'Jeg vil have et job, hvor jeg bruger mine hænder.', citizenAgreed: true, agreedOn: day(now, -100) };
    const g1 = { id: '0b9a1c1e-0000-4000-8000-000000000101', title: 'Stabil hverdag uden hash', targetDate: day(now, 60), status: 'in-progress' as const, concerns: [] };
    const g2 = { id: '0b9a1c1e-0000-4000-8000-000000000102', title: 'Prøve et praktiksted i byggebranchen', targetDate: day(now, 120), status: 'not-started' as const, concerns: [] };
    const g3 = { id: '0b9a1c1e-0000-4000-8000-000000000103', parentId: g1.id, title: 'Overblik over gælden', targetDate: day(now, 20), status: 'not-started' as const, concerns: [] };
    const a1 = { id: '0b9a1c1e-0000-4000-8000-000000000201', goalId: g1.id, title: 'Ambulant misbrugsbehandling', legalBasis: 'SEL-101', responsible: { kind: 'staff' as const, id: social }, startDate: day(now, -95), deadline: day(now, 90), status: 'active' as const };
    const a2 = { id: '0b9a1c1e-0000-4000-8000-000000000202', goalId: g3.id, title: 'Socialpædagogisk støtte: gældsrådgivning sammen', legalBasis: 'SEL-85', responsible: { kind: 'staff' as const, id: mentor }, startDate: day(now, -30), deadline: day(now, 30), status: 'active' as const };
    const a3 = { id: '0b9a1c1e-0000-4000-8000-000000000203', goalId: g2.id, title: 'Virksomhedspraktik hos lokal tømrer', legalBasis: 'LAB-57', responsible: { kind: 'unit' as const, id: jobCentre }, startDate: day(now, 14), deadline: day(now, 105), status: 'planned' as const };
    const ag1 = { id: '0b9a1c1e-0000-4000-8000-000000000301', text: 'Lars ringer selv til gældsrådgivningen og booker en tid', responsible: { kind: 'citizen' as const }, due: day(now, 7), done: false };
    const ag2 = { id: '0b9a1c1e-0000-4000-8000-000000000302', text: 'Anne finder tre mulige praktiksteder', responsible: { kind: 'staff' as const, id: cw }, due: day(now, 10), done: false };
    return [
      { offset: -100, summary: 'Første plan lavet sammen med Lars på opstartsmødet', content: { citizenWords: words, overallGoal: goal, goals: [g1, g2], actions: [a1], agreements: [ag1] } },
      { offset: -30, summary: 'Delmål om gæld og støtte- og kontaktperson tilføjet', content: { citizenWords: words, overallGoal: goal, goals: [g1, g2, g3], actions: [a1, a2], agreements: [ag1] } },
      { offset: -3, summary: 'Praktik planlagt efter planmødet', content: { citizenWords: words, overallGoal: goal, goals: [g1, { ...g2, status: 'in-progress' as const }, g3], actions: [a1, a2, a3], agreements: [{ ...ag1, done: true }, ag2] } },
    ];
  }

  private familyVersions(fw: string, mette: string, peter: string, emma: string, now: Date) {
    const words = { worries: 'At Emma ikke vil i skole. At vi skændes foran hende.', whatWorks: 'Weekender hos mormor. Emma elsker at tegne.', dreamsAndWishes: 'At Emma trives og har venner, og at vi begge får arbejde.' };
    const goal = { text: 'Emma skal trives, og vi skal have en hverdag der hænger sammen.', citizenAgreed: true, agreedOn: day(now, -45) };
    const g1 = { id: '0b9a1c1e-0000-4000-8000-000000000401', title: 'Emma kommer i skole hver dag', targetDate: day(now, 90), status: 'in-progress' as const, concerns: [emma] };
    const g2 = { id: '0b9a1c1e-0000-4000-8000-000000000402', title: 'Mette i praktik', targetDate: day(now, 120), status: 'not-started' as const, concerns: [mette] };
    const g3 = { id: '0b9a1c1e-0000-4000-8000-000000000403', title: 'Peter afklaret om uddannelse', targetDate: day(now, 120), status: 'not-started' as const, concerns: [peter] };
    const a1 = { id: '0b9a1c1e-0000-4000-8000-000000000501', goalId: g1.id, title: 'Familiebehandling hjemme hver uge', legalBasis: 'BL-32', responsible: { kind: 'staff' as const, id: fw }, startDate: day(now, -40), deadline: day(now, 140), status: 'active' as const };
    return [
      { offset: -45, summary: 'Familieplan lavet på netværksmødet', content: { citizenWords: words, overallGoal: goal, goals: [g1], actions: [a1], agreements: [] } },
      { offset: -10, summary: 'Mål for begge forældre tilføjet', content: { citizenWords: words, overallGoal: goal, goals: [g1, g2, g3], actions: [a1], agreements: [{ id: '0b9a1c1e-0000-4000-8000-000000000601', text: 'Mette og Peter følger Emma i skole på skift', responsible: { kind: 'citizen' as const }, due: day(now, 14), done: false }] } },
    ];
  }
}
