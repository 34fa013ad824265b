import {
  addDays,
  addMonths,
  agreedOn,
  benefitReasons,
  computeDeadlines,
  danishDay,
  daysBetween,
  effectiveState,
  expectedNext,
  referralReasons,
  reReviewOpensOn,
  signatureProblems,
  stateAfter,
  stepRefusal,
  stepUpMeetingRoles,
  type DeadlineFacts,
  type ParticipantFacts,
} from './rules.js';
import { FLOW_STATES, FLOW_STEPS, StepUpErrorCode, type FlowState, type FlowStep } from './vocabulary.js';

const ESBJERG = {
  minYearsOnBenefit: 8,
  targetGroups: ['adults'],
  benefitCategories: ['cash-benefit-activity-ready'],
  preparationDays: 30,
  materialDaysBefore: 7,
  reReviewAfterMonths: 6,
};

describe('dates', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-01-05', 30)).toBe('2026-02-04');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-02-11', 6)).toBe('2026-08-11');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-10-15', 3)).toBe('2027-01-15');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-01-05', '2026-02-04')).toBe(30);
    expect(daysBetween('2026-02-06', '2026-02-04')).toBe(-2);
  });

  it('takes the Danish day of an instant', () => {
    expect(danishDay(new Date('2026-02-10T23:30:00Z'))).toBe('2026-02-11'); // 00:30 in Copenhagen (CET)
    expect(danishDay(new Date('2026-08-10T22:30:00Z'))).toBe('2026-08-11'); // 00:30 in summer time (CEST)
    expect(danishDay(new Date('2026-02-11T09:00:00Z'))).toBe('2026-02-11');
  });
});

describe('eligibility', () => {
  const eligible = { targetGroup: 'adults', referralReasonCode: 'long-term-benefit', hasCitizen: true };

  it('takes an adult referred for long-term benefit', () => {
    expect(referralReasons(eligible, ESBJERG)).toEqual([]);
  });

  it('refuses another target group, another referral reason and a course without a named citizen, each with a reason', () => {
    const reasons = referralReasons({ targetGroup: 'families', referralReasonCode: 'addiction', hasCitizen: false }, ESBJERG);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toContain('families');
    expect(reasons[1]).toContain('long-term-benefit');
    expect(reasons[2]).toContain('citizenId');
  });

  it('follows the configured target groups', () => {
    expect(referralReasons({ ...eligible, targetGroup: 'youth' }, ESBJERG)).toHaveLength(1);
    expect(referralReasons({ ...eligible, targetGroup: 'youth' }, { targetGroups: ['adults', 'youth'] })).toEqual([]);
  });

  it('needs at least minYearsOnBenefit years on an allowed benefit', () => {
    expect(benefitReasons({ yearsOnBenefit: 8, benefitCategory: 'cash-benefit-activity-ready' }, ESBJERG)).toEqual([]);
    expect(benefitReasons({ yearsOnBenefit: 12, benefitCategory: 'cash-benefit-activity-ready' }, ESBJERG)).toEqual([]);
    const short = benefitReasons({ yearsOnBenefit: 7, benefitCategory: 'cash-benefit-activity-ready' }, ESBJERG);
    expect(short).toEqual(['Step-Up courses are for citizens with at least 8 years on benefit (stated: 7)']);
    expect(benefitReasons({ yearsOnBenefit: 9, benefitCategory: 'sickness-benefit' }, ESBJERG)).toHaveLength(1);
  });

  it('follows the configured criterion', () => {
    const s = { ...ESBJERG, minYearsOnBenefit: 5, benefitCategories: ['cash-benefit-activity-ready', 'education-benefit-activity-ready'] };
    expect(benefitReasons({ yearsOnBenefit: 5, benefitCategory: 'education-benefit-activity-ready' }, s)).toEqual([]);
    expect(benefitReasons({ yearsOnBenefit: 4, benefitCategory: 'cash-benefit-job-ready' }, s)).toHaveLength(2);
  });
});

describe('the state machine', () => {
  it('allows each step only in its state', () => {
    const allowed: Record<FlowStep, FlowState> = {
      'save-worksheet': 'preparing',
      'send-material': 'preparing',
      'record-meeting': 'material-sent',
      'sign-agreement': 'meeting-held',
      'record-re-review': 're-review-due',
    };
    for (const step of Object.keys(FLOW_STEPS) as FlowStep[]) {
      for (const state of FLOW_STATES) {
        const refusal = stepRefusal(step, state);
        if (state === allowed[step]) expect(refusal).toBeNull();
        else expect(refusal).toEqual({ expected: [allowed[step]], current: state });
      }
    }
  });

  it('walks preparing → material-sent → meeting-held → agreement-signed → completed; the worksheet changes no state', () => {
    expect(stateAfter('save-worksheet', 'preparing')).toBe('preparing');
    expect(stateAfter('send-material', 'preparing')).toBe('material-sent');
    expect(stateAfter('record-meeting', 'material-sent')).toBe('meeting-held');
    expect(stateAfter('sign-agreement', 'meeting-held')).toBe('agreement-signed');
    expect(stateAfter('record-re-review', 'agreement-signed')).toBe('completed');
  });

  it('becomes re-review-due by time: from materialDaysBefore before the due date', () => {
    expect(reReviewOpensOn('2026-08-11', 7)).toBe('2026-08-04');
    expect(effectiveState('agreement-signed', '2026-08-11', '2026-08-03', 7)).toBe('agreement-signed');
    expect(effectiveState('agreement-signed', '2026-08-11', '2026-08-04', 7)).toBe('re-review-due');
    expect(effectiveState('agreement-signed', '2026-08-11', '2026-09-30', 7)).toBe('re-review-due');
    expect(effectiveState('completed', '2026-08-11', '2026-09-30', 7)).toBe('completed');
    expect(effectiveState('preparing', null, '2030-01-01', 7)).toBe('preparing');
  });

  it('names the next step', () => {
    expect(expectedNext('preparing', false, false)).toBe('save-worksheet');
    expect(expectedNext('preparing', true, false)).toBe('send-material');
    expect(expectedNext('material-sent', true, false)).toBe('record-meeting');
    expect(expectedNext('meeting-held', true, false)).toBe('sign-agreement');
    expect(expectedNext('agreement-signed', true, false)).toBe('await-re-review');
    expect(expectedNext('re-review-due', true, false)).toBe('record-re-review');
    expect(expectedNext('completed', true, false)).toBeNull();
    expect(expectedNext('agreement-signed', true, true)).toBeNull();
  });
});

describe('deadlines', () => {
  const started: DeadlineFacts = {
    stored: 'preparing',
    startedOn: '2026-01-05',
    preparationDueOn: '2026-02-04',
    materialSentOn: null,
    meetingHeldOn: null,
    stepUpMeetingOn: null,
    reReviewDueOn: null,
    reReviewHeldOn: null,
    waived: false,
    courseEnded: false,
  };

  it('without a booked meeting, expects the meeting materialDaysBefore after the preparation and the material at its end', () => {
    const d = computeDeadlines(started, ESBJERG, '2026-01-05');
    expect(d.preparation).toEqual({ dueOn: '2026-02-04', doneOn: null, overdue: false, daysLeft: 30 });
    expect(d.material).toEqual({ dueOn: '2026-02-04', doneOn: null, overdue: false, daysLeft: 30, basis: 'preparation-period' });
    expect(d.stepUpMeeting).toEqual({ dueOn: '2026-02-11', doneOn: null, overdue: false, daysLeft: 37, basis: 'preparation-period' });
    expect(d.reReview).toEqual({ dueOn: null, doneOn: null, overdue: false, daysLeft: null, opensOn: null });
  });

  it('counts the material back from the booked meeting', () => {
    const d = computeDeadlines({ ...started, stepUpMeetingOn: '2026-02-20' }, ESBJERG, '2026-01-05');
    expect(d.material).toMatchObject({ dueOn: '2026-02-13', basis: 'booked-meeting' });
    expect(d.stepUpMeeting).toMatchObject({ dueOn: '2026-02-20', basis: 'booked-meeting' });
  });

  it('is overdue the day after the due date while open, and not once met', () => {
    expect(computeDeadlines(started, ESBJERG, '2026-02-04').preparation.overdue).toBe(false);
    const late = computeDeadlines(started, ESBJERG, '2026-02-06');
    expect(late.preparation).toMatchObject({ overdue: true, daysLeft: -2 });
    expect(late.material.overdue).toBe(true);
    expect(late.stepUpMeeting.overdue).toBe(false);
    const met = computeDeadlines({ ...started, stored: 'material-sent', materialSentOn: '2026-02-06' }, ESBJERG, '2026-02-08');
    expect(met.preparation).toEqual({ dueOn: '2026-02-04', doneOn: '2026-02-06', overdue: false, daysLeft: null });
  });

  it('dates the re-review from the agreement, open from opensOn', () => {
    const signed = { ...started, stored: 'agreement-signed' as const, materialSentOn: '2026-02-04', meetingHeldOn: '2026-02-11', stepUpMeetingOn: '2026-02-11', reReviewDueOn: '2026-08-11' };
    expect(computeDeadlines(signed, ESBJERG, '2026-08-11').reReview).toEqual({ dueOn: '2026-08-11', doneOn: null, overdue: false, daysLeft: 0, opensOn: '2026-08-04' });
    expect(computeDeadlines(signed, ESBJERG, '2026-08-12').reReview.overdue).toBe(true);
    expect(computeDeadlines({ ...signed, stored: 'completed', reReviewHeldOn: '2026-08-12' }, ESBJERG, '2026-09-01').reReview).toMatchObject({ doneOn: '2026-08-12', overdue: false });
  });

  it('flags nothing once the course has ended or closes without a re-review', () => {
    for (const f of [{ ...started, courseEnded: true }, { ...started, waived: true }]) {
      const d = computeDeadlines(f, ESBJERG, '2027-01-01');
      expect([d.preparation.overdue, d.material.overdue, d.stepUpMeeting.overdue, d.reReview.overdue]).toEqual([false, false, false, false]);
    }
  });
});

describe('the step-up meeting', () => {
  const CITIZEN = 'c1';
  const people = (over: Partial<Record<'chair' | 'consultant' | 'citizen', Partial<ParticipantFacts>>> = {}): ParticipantFacts[] => [
    { kind: 'staff', staffMemberId: 's-chair', citizenId: null, roles: ['chair'], attendance: 'attended', ...over.chair },
    { kind: 'staff', staffMemberId: 's-job', citizenId: null, roles: ['job-consultant'], attendance: 'invited', ...over.consultant },
    { kind: 'citizen', staffMemberId: null, citizenId: CITIZEN, roles: [], attendance: 'attended', ...over.citizen },
    { kind: 'external', staffMemberId: null, citizenId: null, roles: [], attendance: 'attended' },
  ];

  it('finds the chair and the job consultant', () => {
    expect(stepUpMeetingRoles(people(), CITIZEN)).toEqual({ chairStaffMemberId: 's-chair', jobConsultantStaffMemberId: 's-job', problems: [] });
  });

  it('needs a chair, a job consultant other than the chair, and the citizen, none absent', () => {
    const codes = (p: ParticipantFacts[]) => stepUpMeetingRoles(p, CITIZEN).problems.map((x) => x.code);
    expect(codes(people({ chair: { roles: [] } }))).toEqual([StepUpErrorCode.ChairMissing]);
    expect(codes(people({ consultant: { attendance: 'no-show' } }))).toEqual([StepUpErrorCode.JobConsultantMissing]);
    expect(codes(people({ consultant: { roles: ['note-taker'] } }))).toEqual([StepUpErrorCode.JobConsultantMissing]);
    expect(codes(people({ citizen: { attendance: 'declined' } }))).toEqual([StepUpErrorCode.CitizenAbsent]);
    expect(codes(people({ citizen: { citizenId: 'someone-else' } }))).toEqual([StepUpErrorCode.CitizenAbsent]);
    // One person cannot be both.
    const both: ParticipantFacts[] = [
      { kind: 'staff', staffMemberId: 's-1', citizenId: null, roles: ['chair', 'job-consultant'], attendance: 'attended' },
      { kind: 'citizen', staffMemberId: null, citizenId: CITIZEN, roles: [], attendance: 'attended' },
    ];
    expect(codes(both)).toEqual([StepUpErrorCode.JobConsultantMissing]);
    // A role worn by a non-staff participant does not count.
    expect(codes(people({ chair: { kind: 'external', staffMemberId: null } }))).toEqual([StepUpErrorCode.ChairMissing]);
  });
});

describe('the agreement signatures', () => {
  const ctx = { chairStaffMemberId: 's-chair', jobConsultantStaffMemberId: 's-job', meetingHeldOn: '2026-02-11', today: '2026-02-12' };
  const all = {
    citizen: { signedOn: '2026-02-11' },
    chair: { staffMemberId: 's-chair', signedOn: '2026-02-11' },
    jobConsultant: { staffMemberId: 's-job', signedOn: '2026-02-12' },
  };

  it('accepts all three, and dates the agreement by the last signature', () => {
    expect(signatureProblems(all, ctx)).toEqual([]);
    expect(agreedOn(all)).toBe('2026-02-12');
  });

  it('names each missing signature', () => {
    const problems = signatureProblems({ citizen: all.citizen }, ctx);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['chairSignature', StepUpErrorCode.SignatureMissing],
      ['jobConsultantSignature', StepUpErrorCode.SignatureMissing],
    ]);
  });

  it('needs the meeting’s chair and job consultant, dated from the meeting to today', () => {
    const problems = signatureProblems(
      { citizen: { signedOn: '2026-02-10' }, chair: { staffMemberId: 's-job', signedOn: '2026-02-11' }, jobConsultant: { staffMemberId: 's-job', signedOn: '2026-02-13' } },
      ctx,
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['citizenSignature.signedOn', StepUpErrorCode.DateInvalid],
      ['chairSignature.staffMemberId', StepUpErrorCode.SignatoryMismatch],
      ['jobConsultantSignature.signedOn', StepUpErrorCode.DateInvalid],
    ]);
  });
});
