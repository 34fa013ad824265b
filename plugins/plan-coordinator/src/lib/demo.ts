import type { PluginDemo } from '@enplan/plugin-api';
import type { PlanCoordinatorSettings } from './settings.js';

/** Fixed ids, so `enplan token --municipality 991` mints a token for the coordinator without opening the database. */
export const PLAN_COORDINATOR_DEMO = {
  code: '991',
  coordinatorId: '00000000-0000-4000-8000-000000991001',
  managerId: '00000000-0000-4000-8000-000000991002',
} as const;

const id = (n: number) => `0b9a1c1e-0000-4000-8991-${String(n).padStart(12, '0')}`;

/**
 * Demo municipality 991, modelled on Ballerup (settings of `deployments/plan-coordinator.json`): a job-centre
 * coordinator ("stafetholder") with an adult-social caseworker holding authority in another area, consent to
 * share before activation, the start-up meeting she chaired, two network meetings held and the next one booked.
 */
export const planCoordinatorDemo: PluginDemo<PlanCoordinatorSettings> = {
  municipality: {
    code: PLAN_COORDINATOR_DEMO.code,
    name: 'Demo Ballerup (plankoordinator)',
    settings: { requireFamilyBuddy: true, startUpWithinDays: 14, networkMeetingEveryDays: 90, maxActiveCourses: 25 },
  },
  users: [
    { id: PLAN_COORDINATOR_DEMO.coordinatorId, roles: ['caseworker'], description: 'plan coordinator (stafetholder) of the demo course' },
    { id: PLAN_COORDINATOR_DEMO.managerId, roles: ['manager'], description: 'manager of the job centre' },
  ],
  async seed(ctx) {
    const jobCentre = await ctx.unit({ kind: 'job-centre', name: 'Jobcenter Ballerup (demo)' });
    const adultSocial = await ctx.unit({ kind: 'adult-social', name: 'Voksenhandicap og psykiatri' });
    const psychiatry = await ctx.unit({ kind: 'psychiatry', name: 'Distriktspsykiatrien' });
    await ctx.unit({ kind: 'children-family', name: 'Børn og Unge' });

    const coordinator = await ctx.staff({
      id: PLAN_COORDINATOR_DEMO.coordinatorId,
      name: 'Camilla Holm (plankoordinator)',
      unitId: jobCentre.id,
      function: 'caseworker',
      authorityAreas: ['employment', 'active-social-policy'],
    });
    await ctx.staff({ id: PLAN_COORDINATOR_DEMO.managerId, name: 'Henrik Bach (leder)', unitId: jobCentre.id, function: 'manager', authorityAreas: ['employment'] });
    const social = await ctx.staff({ name: 'Sara Lund (socialrådgiver)', unitId: adultSocial.id, function: 'social-worker', authorityAreas: ['social-adults'] });
    const mentor = await ctx.staff({ name: 'Kim Mentor (støtte- og kontaktperson)', unitId: adultSocial.id, function: 'support-contact-person', isProvider: true });

    const citizen = await ctx.citizen({ cpr: '0407871239', name: 'Jonas Berg' });
    const course = await ctx.course({
      citizenId: citizen.id,
      targetGroup: 'adults',
      referralReasonCode: 'multiple-complex-problems',
      referralReason: 'Ledig i fire år, angst og hjemløshed; fem aktører uden en fælles plan.',
      referredBy: 'Jobcenter Ballerup, team Helhed',
      actorId: coordinator.id,
      history: [
        { status: 'referred', day: -150, reason: 'Henvist fra jobcenterets helhedsteam' },
        { status: 'assessed', day: -140, reason: 'Vurderet sammen med socialafdelingen' },
        { status: 'active', day: -130, reason: 'Samtykke til at dele oplysninger givet; team sat' },
      ],
    });
    for (const [staffId, role] of [
      [coordinator.id, 'coordinator'],
      [coordinator.id, 'primary-contact'],
      [social.id, 'caseworker'],
      [mentor.id, 'provider'],
    ] as const) {
      await ctx.team(course.id, staffId, role, -130, coordinator.id);
    }
    await ctx.consent({ courseId: course.id, citizenId: citizen.id, kind: 'participation', purpose: 'Deltagelse i forløbet', categories: ['general'], validFromDay: -135, form: 'written', recordedBy: coordinator.id });
    await ctx.consent({
      courseId: course.id,
      citizenId: citizen.id,
      kind: 'information-sharing',
      partyUnitIds: [jobCentre.id, adultSocial.id, psychiatry.id],
      purpose: 'Koordinering af én plan mellem jobcenter, socialafdeling og psykiatri',
      categories: ['general', 'employment', 'social-adults', 'health'],
      validFromDay: -135,
      validToDay: 230,
      form: 'written',
      recordedBy: coordinator.id,
    });

    const staffAt = (roles: string[] = []) => [
      { kind: 'staff' as const, staffMemberId: coordinator.id, roles: ['chair', 'stafetholder', ...roles] },
      { kind: 'staff' as const, staffMemberId: social.id },
      { kind: 'citizen' as const, citizenId: citizen.id },
    ];
    const startUp = await ctx.meeting({
      courseId: course.id,
      type: 'start-up',
      day: -124,
      durationMinutes: 90,
      placeKind: 'town-hall',
      status: 'held',
      minutes: 'Opstartsmøde: Jonas fortalte om sin hverdag; alle aktører enige om at arbejde ud fra én plan.',
      createdBy: coordinator.id,
      participants: staffAt(),
    });
    const network = [];
    for (const [day, minutes] of [
      [-80, 'Netværksmøde med Jonas og hans søster: bolig og behandling i psykiatrien afstemt.'],
      [-10, 'Netværksmøde: Jonas har fået bolig; næste skridt er et praktikforløb.'],
    ] as const) {
      network.push(
        await ctx.meeting({
          courseId: course.id,
          type: 'network',
          day,
          placeKind: 'citizen-home',
          status: 'held',
          minutes,
          createdBy: coordinator.id,
          participants: [...staffAt(), { kind: 'network', name: 'Jonas’ søster', attendance: 'attended' }],
        }),
      );
    }
    await ctx.meeting({ courseId: course.id, type: 'network', day: 75, placeKind: 'cafe', status: 'planned', createdBy: coordinator.id, participants: staffAt() });

    const words = { worries: 'At jeg mister boligen igen. At jeg ikke kan klare et job.', whatWorks: 'Min søster. At gå ture om morgenen.', dreamsAndWishes: 'Et job i et lager, hvor der er ro.' };
    const goal = { text: 'Jeg vil have et sted at bo og et arbejde med ro omkring mig.', citizenAgreed: true, agreedOn: ctx.day(-124) };
    const home = { id: id(1), title: 'Egen bolig', targetDate: ctx.day(-20), status: 'in-progress' as const, concerns: [] };
    const work = { id: id(2), title: 'Praktik på et lager', targetDate: ctx.day(120), status: 'not-started' as const, concerns: [] };
    const support = { id: id(11), goalId: home.id, title: 'Støtte- og kontaktperson', legalBasis: 'SEL-85', responsible: { kind: 'staff' as const, id: mentor.id }, startDate: ctx.day(-120), deadline: ctx.day(60), status: 'active' as const };
    const internship = { id: id(12), goalId: work.id, title: 'Virksomhedspraktik på et lager', legalBasis: 'LAB-57', responsible: { kind: 'unit' as const, id: jobCentre.id }, startDate: ctx.day(20), deadline: ctx.day(110), status: 'planned' as const };
    const callMentor = { id: id(21), text: 'Jonas ringer til Kim, når han har brug for hjælp til breve', responsible: { kind: 'citizen' as const }, due: ctx.day(-100), done: true };
    const findPlace = { id: id(22), text: 'Camilla finder to mulige praktiksteder', responsible: { kind: 'staff' as const, id: coordinator.id }, due: ctx.day(14), done: false };
    await ctx.plan(course.id, [
      { day: -124, authorId: social.id, changeSummary: 'Første plan fra opstartsmødet', sourceMeetingId: startUp.id, content: { citizenWords: words, overallGoal: goal, goals: [home], actions: [support], agreements: [callMentor] } },
      {
        day: -10,
        authorId: coordinator.id,
        changeSummary: 'Bolig på plads; praktik tilføjet på netværksmødet',
        sourceMeetingId: network[1].id,
        content: { citizenWords: words, overallGoal: goal, goals: [{ ...home, status: 'achieved' as const }, work], actions: [support, internship], agreements: [callMentor, findPlace] },
      },
    ]);
  },
};
