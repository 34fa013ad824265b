import type { PluginDemo } from '@enplan/plugin-api';
import type { PairedCaseworkersSettings } from './settings.js';

/** Fixed ids, so `enplan token --municipality 992` mints a token for one of the pair without opening the database. */
export const PAIRED_DEMO = {
  code: '992',
  jobCentreCaseworkerId: '00000000-0000-4000-8000-000000992001',
  socialWorkerId: '00000000-0000-4000-8000-000000992002',
  managerId: '00000000-0000-4000-8000-000000992003',
} as const;

const id = (n: number) => `0b9a1c1e-0000-4000-8992-${String(n).padStart(12, '0')}`;

/**
 * Demo municipality 992, modelled on Hillerød (settings of `deployments/paired-caseworkers.json`): a job-centre
 * caseworker and an adult-social worker as a fixed pair; the joint meeting where the pair and the citizen revised
 * the plan (meeting roles explorer, captain, witness), and the next joint meeting booked.
 */
export const pairedCaseworkersDemo: PluginDemo<PairedCaseworkersSettings> = {
  municipality: {
    code: PAIRED_DEMO.code,
    name: 'Demo Hillerød (makkerpar)',
    settings: { jointMeetingsPerYear: 6, planRevisedAtJointMeeting: true, capPerFte: 40, targetPerFte: 30, maxActiveCourses: 120 },
  },
  users: [
    { id: PAIRED_DEMO.jobCentreCaseworkerId, roles: ['caseworker'], description: 'job-centre caseworker of the pair (primary contact)' },
    { id: PAIRED_DEMO.socialWorkerId, roles: ['caseworker'], description: 'adult-social caseworker of the pair' },
    { id: PAIRED_DEMO.managerId, roles: ['manager'], description: 'manager of the job centre' },
  ],
  async seed(ctx) {
    const jobCentre = await ctx.unit({ kind: 'job-centre', name: 'Jobcenter Hillerød (demo)' });
    const adultSocial = await ctx.unit({ kind: 'adult-social', name: 'Socialcenter, voksne' });
    const a = await ctx.staff({ id: PAIRED_DEMO.jobCentreCaseworkerId, name: 'Lise Friis (jobcenter)', unitId: jobCentre.id, function: 'caseworker', authorityAreas: ['employment', 'active-social-policy'] });
    const b = await ctx.staff({ id: PAIRED_DEMO.socialWorkerId, name: 'Omar Nielsen (socialrådgiver)', unitId: adultSocial.id, function: 'social-worker', authorityAreas: ['social-adults'] });
    await ctx.staff({ id: PAIRED_DEMO.managerId, name: 'Pia Krogh (leder)', unitId: jobCentre.id, function: 'manager', authorityAreas: ['employment'] });
    const mentor = await ctx.staff({ name: 'Tom Mentor', unitId: adultSocial.id, function: 'mentor', isProvider: true });

    const citizen = await ctx.citizen({ cpr: '1810901236', name: 'Nadia Rasmussen', contactChannel: 'phone' });
    const course = await ctx.course({
      citizenId: citizen.id,
      targetGroup: 'adults',
      referralReasonCode: 'multiple-complex-problems',
      referralReason: 'Sygemeldt med stress og misbrug; både jobcenter og socialcenter har sager.',
      referredBy: 'Jobcenter Hillerød',
      actorId: a.id,
      history: [
        { status: 'referred', day: -100, reason: 'Henvist af jobcenteret' },
        { status: 'active', day: -90, reason: 'Makkerparret er sat' },
      ],
    });
    for (const [staffId, role] of [
      [a.id, 'primary-contact'],
      [b.id, 'caseworker'],
      [mentor.id, 'provider'],
    ] as const) {
      await ctx.team(course.id, staffId, role, -90, a.id);
    }
    await ctx.consent({
      courseId: course.id,
      citizenId: citizen.id,
      kind: 'information-sharing',
      partyUnitIds: [jobCentre.id, adultSocial.id],
      purpose: 'Makkerparrets fælles plan',
      categories: ['general', 'employment', 'social-adults'],
      validFromDay: -92,
      form: 'digital',
      recordedBy: a.id,
    });
    const pair = (roles: [string[], string[]], held: boolean) => [
      { kind: 'staff' as const, staffMemberId: a.id, roles: roles[0], attendance: held ? ('attended' as const) : ('invited' as const) },
      { kind: 'staff' as const, staffMemberId: b.id, roles: roles[1], attendance: held ? ('attended' as const) : ('invited' as const) },
      { kind: 'citizen' as const, citizenId: citizen.id, roles: ['explorer'], attendance: held ? ('attended' as const) : ('invited' as const) },
    ];
    const startUp = await ctx.meeting({
      courseId: course.id,
      type: 'start-up',
      day: -85,
      durationMinutes: 90,
      placeKind: 'town-hall',
      status: 'held',
      minutes: 'Opstart med makkerparret: Nadias egne ord og et fælles overordnet mål.',
      createdBy: a.id,
      participants: pair([['chair'], ['note-taker']], true),
    });
    const joint = await ctx.meeting({
      courseId: course.id,
      type: 'joint',
      day: -20,
      placeKind: 'cafe',
      status: 'held',
      minutes: 'Fællesmøde: behandlingen virker; Nadia vil prøve en praktik. Planen revideret.',
      createdBy: a.id,
      participants: pair([['captain'], ['witness']], true),
    });
    await ctx.meeting({ courseId: course.id, type: 'joint', day: 41, placeKind: 'town-hall', status: 'planned', createdBy: a.id, participants: pair([['captain'], ['witness']], false) });

    const words = { worries: 'At jeg falder i igen. At jeg skal fortælle min historie forfra.', whatWorks: 'Når de to kommer sammen, og jeg kun skal sige det én gang.', dreamsAndWishes: 'Tilbage til et job i en børnehave.' };
    const goal = { text: 'Jeg vil tilbage i arbejde og holde mig fri af alkohol.', citizenAgreed: true, agreedOn: ctx.day(-85) };
    const sober = { id: id(1), title: 'Stabil uden alkohol', targetDate: ctx.day(60), status: 'in-progress' as const, concerns: [] };
    const work = { id: id(2), title: 'Praktik i en børnehave', targetDate: ctx.day(120), status: 'not-started' as const, concerns: [] };
    const treatment = { id: id(11), goalId: sober.id, title: 'Ambulant alkoholbehandling', legalBasis: 'SEL-101', responsible: { kind: 'staff' as const, id: b.id }, startDate: ctx.day(-80), deadline: ctx.day(100), status: 'active' as const };
    const internship = { id: id(12), goalId: work.id, title: 'Virksomhedspraktik i en børnehave', legalBasis: 'LAB-57', responsible: { kind: 'staff' as const, id: a.id }, startDate: ctx.day(14), deadline: ctx.day(100), status: 'planned' as const };
    await ctx.plan(course.id, [
      { day: -85, authorId: b.id, changeSummary: 'Første plan fra opstartsmødet', sourceMeetingId: startUp.id, content: { citizenWords: words, overallGoal: goal, goals: [sober], actions: [treatment], agreements: [] } },
      {
        day: -20,
        authorId: a.id,
        changeSummary: 'Revideret på fællesmødet: praktik tilføjet',
        sourceMeetingId: joint.id,
        content: {
          citizenWords: words,
          overallGoal: goal,
          goals: [sober, work],
          actions: [treatment, internship],
          agreements: [{ id: id(21), text: 'Nadia besøger børnehaven sammen med Lise', responsible: { kind: 'citizen' as const }, due: ctx.day(10), done: false }],
        },
      },
    ]);
  },
};
