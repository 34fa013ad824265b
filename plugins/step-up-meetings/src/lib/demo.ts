import type { PluginDemo } from '@enplan/plugin-api';
import { StepUpAgreement, StepUpFlow, StepUpTransition, StepUpWorksheet } from './entities.js';
import { addDays, addMonths, daysBetween } from './rules.js';
import type { StepUpMeetingsSettings } from './settings.js';
import { CHAIR_ROLE, JOB_CONSULTANT_ROLE, type StoredState } from './vocabulary.js';

/** Fixed ids, so `enplan token --municipality 994` mints a token for the caseworker without opening the database. */
export const STEP_UP_DEMO = {
  code: '994',
  caseworkerId: '00000000-0000-4000-8000-000000994001',
  chairId: '00000000-0000-4000-8000-000000994002',
  jobConsultantId: '00000000-0000-4000-8000-000000994003',
  managerId: '00000000-0000-4000-8000-000000994004',
  /** The re-review is due this many days from the day the demo is planted: its window (material a week before) is open. */
  reReviewDueInDays: 3,
} as const;

const id = (n: number) => `0b9a1c1e-0000-4000-8994-${String(n).padStart(12, '0')}`;

/**
 * Demo municipality 994, modelled on Esbjerg (settings of `deployments/step-up-meetings.json`): an activity-ready
 * cash-benefit recipient with 11 years on benefit went through the whole flow (preparation with the worksheet and a
 * signed consent, material to the departments a week before, the chaired step-up meeting with a job consultant,
 * the signed agreement), and the re-review six months later is now due. The dates are placed backwards from the
 * re-review's due date, with the plugin's own date rules, so the flow reads `re-review-due` on the day it is planted.
 * The flow's rows are the plugin's own tables, written here; the course, consent and meetings are the core's.
 */
export const stepUpMeetingsDemo: PluginDemo<StepUpMeetingsSettings> = {
  municipality: {
    code: STEP_UP_DEMO.code,
    name: 'Demo Esbjerg (Step-Up-møder)',
    settings: {
      minYearsOnBenefit: 8,
      targetGroups: ['adults'],
      benefitCategories: ['cash-benefit-activity-ready'],
      preparationDays: 30,
      materialDaysBefore: 7,
      reReviewAfterMonths: 6,
    },
  },
  users: [
    { id: STEP_UP_DEMO.caseworkerId, roles: ['caseworker'], description: 'caseworker of the Step-Up course (re-review due)' },
    { id: STEP_UP_DEMO.chairId, roles: ['caseworker'], description: 'chair (mødeleder) of the step-up meeting' },
    { id: STEP_UP_DEMO.jobConsultantId, roles: ['caseworker'], description: 'job consultant at the step-up meeting' },
    { id: STEP_UP_DEMO.managerId, roles: ['manager'], description: 'manager of the job centre' },
  ],
  async seed(ctx) {
    const s = ctx.settings;
    const today = ctx.day(0);
    const offset = (date: string) => daysBetween(today, date);
    // Backwards from the re-review: the agreement is signed at the step-up meeting, reReviewAfterMonths earlier.
    const target = ctx.day(STEP_UP_DEMO.reReviewDueInDays);
    let meetingOn = addMonths(target, -s.reReviewAfterMonths);
    // Month ends clamp: step forward until the plugin's own rule puts the re-review on or just after the target.
    while (addMonths(meetingOn, s.reReviewAfterMonths) < target) meetingOn = addDays(meetingOn, 1);
    const reReviewDueOn = addMonths(meetingOn, s.reReviewAfterMonths);
    const materialOn = addDays(meetingOn, -s.materialDaysBefore);
    const startedOn = addDays(materialOn, -s.preparationDays + 2);
    const activatedOn = addDays(startedOn, 1);
    const referredOn = addDays(startedOn, -10);

    const jobCentre = await ctx.unit({ kind: 'job-centre', name: 'Jobcenter Esbjerg (demo)' });
    const social = await ctx.unit({ kind: 'adult-social', name: 'Social og Arbejdsmarked, voksne' });
    const addiction = await ctx.unit({ kind: 'addiction-treatment', name: 'Rusmiddelcentret' });
    const caseworker = await ctx.staff({ id: STEP_UP_DEMO.caseworkerId, name: 'Maria Kjær (sagsbehandler)', unitId: jobCentre.id, function: 'caseworker', authorityAreas: ['employment', 'active-social-policy'] });
    const chair = await ctx.staff({ id: STEP_UP_DEMO.chairId, name: 'Niels Frost (mødeleder)', unitId: jobCentre.id, function: 'caseworker', authorityAreas: ['employment'] });
    const jobConsultant = await ctx.staff({ id: STEP_UP_DEMO.jobConsultantId, name: 'Ditte Bro (jobkonsulent)', unitId: jobCentre.id, function: 'job-consultant' });
    await ctx.staff({ id: STEP_UP_DEMO.managerId, name: 'Ulla Berg (leder)', unitId: jobCentre.id, function: 'manager', authorityAreas: ['employment'] });
    const socialWorker = await ctx.staff({ name: 'Peter Lind (socialrådgiver)', unitId: social.id, function: 'social-worker', authorityAreas: ['social-adults'] });
    const counsellor = await ctx.staff({ name: 'Aisha Khan (misbrugskonsulent)', unitId: addiction.id, function: 'addiction-counsellor', authorityAreas: ['social-adults'] });

    const citizen = await ctx.citizen({ cpr: '2302781235', name: 'Kenneth Madsen', contactChannel: 'letter' });
    const course = await ctx.course({
      citizenId: citizen.id,
      targetGroup: 'adults',
      referralReasonCode: 'long-term-benefit',
      referralReason: 'Aktivitetsparat kontanthjælpsmodtager i 11 år; udtaget efter Step-Up-kriteriet.',
      referredBy: 'Jobcenter Esbjerg, udtræk til Step-Up',
      actorId: caseworker.id,
      history: [
        { status: 'referred', day: offset(referredOn), reason: 'Udtaget: mere end 8 år på kontanthjælp' },
        { status: 'active', day: offset(activatedOn), reason: 'Forberedelsen er begyndt' },
      ],
    });
    for (const [staffId, role] of [
      [caseworker.id, 'primary-contact'],
      [socialWorker.id, 'caseworker'],
      [counsellor.id, 'caseworker'],
    ] as const) {
      await ctx.team(course.id, staffId, role, offset(activatedOn), caseworker.id);
    }
    await ctx.consent({
      courseId: course.id,
      citizenId: citizen.id,
      kind: 'information-sharing',
      partyUnitIds: [jobCentre.id, social.id, addiction.id],
      purpose: 'Materiale til Step-Up-mødet og genbehandlingen',
      categories: ['general', 'employment', 'social-adults'],
      validFromDay: offset(startedOn),
      validToDay: offset(addMonths(reReviewDueOn, 3)),
      form: 'written',
      recordedBy: caseworker.id,
    });
    const meeting = await ctx.meeting({
      courseId: course.id,
      type: 'step-up',
      day: offset(meetingOn),
      durationMinutes: 90,
      placeKind: 'town-hall',
      status: 'held',
      minutes: 'Step-Up-møde: næste skridt er en afklaring af arbejdsevnen; misbrugsbehandling først, så praktik.',
      createdBy: caseworker.id,
      participants: [
        { kind: 'staff', staffMemberId: chair.id, roles: [CHAIR_ROLE] },
        { kind: 'staff', staffMemberId: jobConsultant.id, roles: [JOB_CONSULTANT_ROLE] },
        { kind: 'staff', staffMemberId: caseworker.id },
        { kind: 'staff', staffMemberId: socialWorker.id },
        { kind: 'staff', staffMemberId: counsellor.id },
        { kind: 'citizen', citizenId: citizen.id },
      ],
    });
    await ctx.meeting({
      courseId: course.id,
      type: 're-review',
      day: offset(reReviewDueOn),
      placeKind: 'town-hall',
      status: 'planned',
      createdBy: caseworker.id,
      participants: [
        { kind: 'staff', staffMemberId: chair.id, roles: [CHAIR_ROLE] },
        { kind: 'staff', staffMemberId: caseworker.id },
        { kind: 'citizen', citizenId: citizen.id },
      ],
    });

    const db = ctx.db;
    const base = { municipalityId: ctx.municipalityId, courseId: course.id };
    const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
    await db.insert(StepUpFlow, {
      ...base,
      state: 'agreement-signed',
      startedOn,
      startedBy: caseworker.id,
      yearsOnBenefit: 11,
      benefitCategory: 'cash-benefit-activity-ready',
      preparationDueOn: addDays(startedOn, s.preparationDays),
      materialSentOn: materialOn,
      materialSentBy: caseworker.id,
      materialRecipientUnitIds: [social.id, addiction.id],
      meetingId: meeting.id,
      meetingHeldOn: meetingOn,
      chairStaffMemberId: chair.id,
      jobConsultantStaffMemberId: jobConsultant.id,
      reReviewDueOn,
      createdAt: at(startedOn, 9),
      updatedAt: at(meetingOn, 13),
    });
    await db.insert(StepUpWorksheet, {
      ...base,
      situation: 'Jeg har været på kontanthjælp i mange år og drikker for meget, når dagene er tomme.',
      wishes: 'Et arbejde med mine hænder, måske på havnen.',
      obstacles: 'Alkoholen, og at jeg har svært ved at møde op om morgenen.',
      filledInOn: addDays(startedOn, 12),
      updatedBy: caseworker.id,
      updatedAt: at(addDays(startedOn, 12), 11),
    });
    await db.insert(StepUpAgreement, {
      ...base,
      nextStep: 'Afklaring af arbejdsevnen i et ressourceforløb',
      responsible: 'Maria Kjær, jobcentret',
      nextStepDueOn: addDays(meetingOn, 60),
      actions: [
        { text: 'Ambulant alkoholbehandling', responsible: 'Rusmiddelcentret' },
        { text: 'Virksomhedspraktik på havnen', responsible: 'Jobkonsulenten' },
      ],
      direction: 'resource-course',
      citizenSignedOn: meetingOn,
      chairStaffMemberId: chair.id,
      chairSignedOn: meetingOn,
      jobConsultantStaffMemberId: jobConsultant.id,
      jobConsultantSignedOn: meetingOn,
      agreedOn: meetingOn,
      recordedBy: caseworker.id,
      recordedAt: at(meetingOn, 13),
    });
    const steps: [StoredState | null, StoredState, string][] = [
      [null, 'preparing', startedOn],
      ['preparing', 'material-sent', materialOn],
      ['material-sent', 'meeting-held', meetingOn],
      ['meeting-held', 'agreement-signed', meetingOn],
    ];
    for (const [i, [fromState, toState, on]] of steps.entries()) {
      await db.insert(StepUpTransition, { ...base, fromState, toState, actorId: caseworker.id, at: at(on, 9 + i) });
    }

    const words = { worries: 'At jeg ikke kan holde til det.', whatWorks: 'Når jeg har noget at stå op til.', dreamsAndWishes: 'Et arbejde på havnen.' };
    const goal = { text: 'Jeg vil finde ud af, hvad jeg kan arbejde med.', citizenAgreed: true, agreedOn: meetingOn };
    const g = { id: id(1), title: 'Afklaret arbejdsevne', targetDate: addDays(reReviewDueOn, 60), status: 'in-progress' as const, concerns: [] };
    await ctx.plan(course.id, [
      {
        day: offset(meetingOn),
        authorId: caseworker.id,
        changeSummary: 'Plan efter Step-Up-mødet og den underskrevne aftale',
        sourceMeetingId: meeting.id,
        content: {
          citizenWords: words,
          overallGoal: goal,
          goals: [g],
          actions: [
            { id: id(11), goalId: g.id, title: 'Ambulant alkoholbehandling', legalBasis: 'SEL-101', responsible: { kind: 'unit' as const, id: addiction.id }, startDate: addDays(meetingOn, 7), deadline: addDays(reReviewDueOn, 30), status: 'active' as const },
            { id: id(12), goalId: g.id, title: 'Virksomhedspraktik på havnen', legalBasis: 'LAB-57', responsible: { kind: 'staff' as const, id: jobConsultant.id }, startDate: addDays(meetingOn, 60), deadline: addDays(reReviewDueOn, 30), status: 'active' as const },
          ],
          agreements: [],
        },
      },
    ]);
  },
};
