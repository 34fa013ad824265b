import type { PluginDemo } from '@enplan/plugin-api';
import type { CitizenConsultantSettings } from './settings.js';

/** Fixed ids, so `enplan token --municipality 993` mints a token for the consultant without opening the database. */
export const CITIZEN_CONSULTANT_DEMO = {
  code: '993',
  consultantId: '00000000-0000-4000-8000-000000993001',
  buddyId: '00000000-0000-4000-8000-000000993002',
  managerId: '00000000-0000-4000-8000-000000993003',
  /** Active courses of the demo consultant: one short of the cap of 15 per full-time consultant. */
  activeCourses: 14,
} as const;

const id = (n: number) => `0b9a1c1e-0000-4000-8993-${String(n).padStart(12, '0')}`;

/** Invented first names for the demo caseload; surnames and CPR numbers follow from the position. */
const NAMES = ['Ida', 'Morten', 'Sana', 'Jesper', 'Line', 'Karim', 'Bente', 'Rasmus', 'Yasmin', 'Ole', 'Maja', 'Dennis', 'Tina', 'Ahmed', 'Louise'];
const SURNAMES = ['Petersen', 'Møller', 'Larsen', 'Kristensen', 'Poulsen'];

/**
 * Demo municipality 993, modelled on Halsnæs (settings of `deployments/citizen-consultant.json`): one citizen
 * consultant with authority in employment and adult social services who is also the provider, a buddy from the
 * job centre, and a caseload of 14 active courses under the cap of 15; a 15th citizen is referred, so activating
 * that course fills the cap and a 16th would be refused. The oldest course has its kick-off, a mini kick-off and a plan.
 */
export const citizenConsultantDemo: PluginDemo<CitizenConsultantSettings> = {
  municipality: {
    code: CITIZEN_CONSULTANT_DEMO.code,
    name: 'Demo Halsnæs (borgerkonsulent)',
    settings: {
      consultantFunctions: ['citizen-consultant'],
      requireProviderRole: true,
      minAuthorityAreas: 2,
      requireBuddy: true,
      capPerFte: 15,
      planMeetingEveryDays: 60,
      miniKickEveryDays: 91,
    },
  },
  users: [
    { id: CITIZEN_CONSULTANT_DEMO.consultantId, roles: ['caseworker'], description: 'citizen consultant with 14 of 15 courses' },
    { id: CITIZEN_CONSULTANT_DEMO.buddyId, roles: ['caseworker'], description: 'buddy consultant from the job centre' },
    { id: CITIZEN_CONSULTANT_DEMO.managerId, roles: ['manager'], description: 'manager of the citizen consultants' },
  ],
  async seed(ctx) {
    const social = await ctx.unit({ kind: 'adult-social', name: 'Borgerkonsulenterne, social (demo)' });
    const jobCentre = await ctx.unit({ kind: 'job-centre', name: 'Borgerkonsulenterne, beskæftigelse (demo)' });
    const consultant = await ctx.staff({
      id: CITIZEN_CONSULTANT_DEMO.consultantId,
      name: 'Bo Sørensen (borgerkonsulent)',
      unitId: social.id,
      function: 'citizen-consultant',
      authorityAreas: ['employment', 'social-adults'],
      isProvider: true,
    });
    const buddy = await ctx.staff({
      id: CITIZEN_CONSULTANT_DEMO.buddyId,
      name: 'Birgitte Dahl (makker-borgerkonsulent)',
      unitId: jobCentre.id,
      function: 'citizen-consultant',
      authorityAreas: ['employment', 'active-social-policy'],
      isProvider: true,
    });
    await ctx.staff({ id: CITIZEN_CONSULTANT_DEMO.managerId, name: 'Jens Vang (leder)', unitId: social.id, function: 'manager', authorityAreas: ['social-adults'] });

    const courses: { id: string; citizenId: string }[] = [];
    for (const [i, firstName] of NAMES.entries()) {
      const active = i < CITIZEN_CONSULTANT_DEMO.activeCourses;
      // Born on the (i+1)th of March 1980–1994; serial 1xxx (20th century), invented.
      const cpr = `${String(i + 1).padStart(2, '0')}03${String(80 + i).padStart(2, '0')}${1200 + i}`;
      const citizen = await ctx.citizen({ cpr, name: `${firstName} ${SURNAMES[i % SURNAMES.length]}` });
      const start = -20 - i * 12;
      const course = await ctx.course({
        citizenId: citizen.id,
        targetGroup: 'adults',
        referralReasonCode: i % 3 === 0 ? 'long-term-benefit' : 'multiple-complex-problems',
        referralReason: 'Mange kontakter til kommunen og ingen fælles plan; ønsker én borgerkonsulent.',
        referredBy: 'Visitationen, Halsnæs',
        actorId: consultant.id,
        history: active
          ? [
              { status: 'referred', day: start - 10, reason: 'Visiteret til borgerkonsulent' },
              { status: 'active', day: start, reason: 'Kick-off holdt; borgerkonsulent og makker sat' },
            ]
          : [{ status: 'referred', day: -3, reason: 'Visiteret til borgerkonsulent; venter på en ledig plads' }],
      });
      if (active) {
        await ctx.team(course.id, consultant.id, 'primary-contact', start, consultant.id);
        await ctx.team(course.id, buddy.id, 'buddy', start, consultant.id);
      }
      courses.push({ id: course.id, citizenId: citizen.id });
    }

    // The oldest course shows the model's meetings: the kick-off (the core's start-up) and a mini kick-off with the buddy.
    const oldest = courses[CITIZEN_CONSULTANT_DEMO.activeCourses - 1];
    const begun = -20 - (CITIZEN_CONSULTANT_DEMO.activeCourses - 1) * 12;
    const who = [
      { kind: 'staff' as const, staffMemberId: consultant.id },
      { kind: 'staff' as const, staffMemberId: buddy.id, roles: ['chair'] },
      { kind: 'citizen' as const, citizenId: oldest.citizenId },
    ];
    const kickOff = await ctx.meeting({
      courseId: oldest.id,
      type: 'start-up',
      day: begun + 3,
      durationMinutes: 90,
      placeKind: 'citizen-home',
      status: 'held',
      minutes: 'Kick-off: bekymringer, hvad der virker, drømme og ønsker skrevet i borgerens egne ord.',
      createdBy: consultant.id,
      participants: who,
    });
    await ctx.meeting({ courseId: oldest.id, type: 'mini-kick', day: begun + 91, placeKind: 'cafe', status: 'held', minutes: 'Mini-kick efter 3 måneder: planen justeret.', createdBy: consultant.id, participants: who });
    await ctx.meeting({ courseId: oldest.id, type: 'mini-kick', day: begun + 182, placeKind: 'cafe', status: 'planned', createdBy: consultant.id, participants: who });
    const words = { worries: 'At jeg skal have fem forskellige sagsbehandlere igen.', whatWorks: 'At Bo kommer hjem til mig.', dreamsAndWishes: 'Et fleksjob i en brugsforening.' };
    const goal = { text: 'Jeg vil have et job, der passer til mit helbred.', citizenAgreed: true, agreedOn: ctx.day(begun + 3) };
    const g = { id: id(1), title: 'Afklaring af arbejdsevne', targetDate: ctx.day(60), status: 'in-progress' as const, concerns: [] };
    const support = { id: id(11), goalId: g.id, title: 'Socialpædagogisk støtte ved borgerkonsulenten', legalBasis: 'SEL-85', responsible: { kind: 'staff' as const, id: consultant.id }, startDate: ctx.day(begun + 3), deadline: ctx.day(120), status: 'active' as const };
    const internship = { id: id(12), goalId: g.id, title: 'Virksomhedspraktik i brugsforeningen', legalBasis: 'LAB-57', responsible: { kind: 'staff' as const, id: consultant.id }, startDate: ctx.day(begun + 95), deadline: ctx.day(90), status: 'active' as const };
    await ctx.plan(oldest.id, [
      { day: begun + 3, authorId: consultant.id, changeSummary: 'Plan fra kick-off', sourceMeetingId: kickOff.id, content: { citizenWords: words, overallGoal: goal, goals: [g], actions: [support], agreements: [] } },
      { day: begun + 91, authorId: consultant.id, changeSummary: 'Praktik tilføjet ved mini-kick', content: { citizenWords: words, overallGoal: goal, goals: [g], actions: [support, internship], agreements: [] } },
    ]);
  },
};
