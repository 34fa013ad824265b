import type { CourseFacts, WorkListInput, WorkListMeetingFacts } from '@enplan/plugin-api';
import { StepUpMeetingsSettings } from './settings.js';
import { stepUpWorkList, type FlowFacts } from './work-list.js';

const s = new StepUpMeetingsSettings();
const course = (id: string, status = 'active'): CourseFacts => ({
  id,
  modelId: 'step-up-meetings',
  status,
  targetGroup: 'adults',
  citizenId: 'x',
  householdId: null,
  referredOn: '2026-01-05',
  referralReasonCode: 'long-term-benefit',
  activatedOn: '2026-01-05',
  endDate: null,
  outcomeCode: null,
});
const flow = (courseId: string, over: Partial<FlowFacts> = {}): FlowFacts => ({
  courseId,
  state: 'preparing',
  startedOn: '2026-01-05',
  preparationDueOn: '2026-02-04',
  materialSentOn: null,
  meetingHeldOn: null,
  reReviewDueOn: null,
  reReviewHeldOn: null,
  reReviewWaivedReason: null,
  ...over,
});
const input = (courses: { id: string; status?: string; meetings?: WorkListMeetingFacts[] }[], today = '2026-01-20'): WorkListInput => ({
  today,
  horizon: '2026-03-21',
  courses: courses.map((c) => ({ course: course(c.id, c.status), meetings: c.meetings ?? [], cadence: [] })),
});
const stepUp = (status: WorkListMeetingFacts['status'], startsAt = '2026-02-11T09:00:00Z'): WorkListMeetingFacts => ({ id: 'm1', type: 'step-up', startsAt, status });

describe('the Step-Up deadlines on the work list', () => {
  it('lists preparation and material while the material has not gone out, counting the material back from the booked meeting', () => {
    const r = stepUpWorkList(input([{ id: 'c1', meetings: [stepUp('planned')] }]), [flow('c1')], s);
    expect(r.items.map((i) => [i.ref, i.dueOn])).toEqual([
      ['preparation', '2026-02-04'],
      ['material', '2026-02-04'],
    ]);
    expect(r.cadenceMet).toEqual([]);
  });

  it('lists the re-review once the agreement set its date, until it is held; marks the step-up meeting met once held', () => {
    const signed = flow('c1', { state: 'agreement-signed', materialSentOn: '2026-02-06', meetingHeldOn: '2026-02-11', reReviewDueOn: '2026-08-11' });
    const r = stepUpWorkList(input([{ id: 'c1' }]), [signed], s);
    expect(r.items).toEqual([{ courseId: 'c1', ref: 're-review', dueOn: '2026-08-11', title: expect.stringContaining('re-review'), meetingType: 're-review' }]);
    expect(r.cadenceMet).toEqual([{ courseId: 'c1', rule: 'step-up-meeting' }]);
    expect(stepUpWorkList(input([{ id: 'c1' }]), [{ ...signed, state: 'completed', reReviewHeldOn: '2026-08-12' }], s).items).toEqual([]);
  });

  it('counts a held core step-up meeting as met even before the flow records it; a cancelled one not', () => {
    expect(stepUpWorkList(input([{ id: 'c1', meetings: [stepUp('held')] }]), [flow('c1')], s).cadenceMet).toEqual([{ courseId: 'c1', rule: 'step-up-meeting' }]);
    expect(stepUpWorkList(input([{ id: 'c1', meetings: [stepUp('cancelled')] }]), [flow('c1')], s).cadenceMet).toEqual([]);
  });

  it('owes nothing after a waiver, on an ended course, or without a flow', () => {
    expect(stepUpWorkList(input([{ id: 'c1' }]), [flow('c1', { reReviewWaivedReason: 'Flyttet' })], s).items).toEqual([]);
    expect(stepUpWorkList(input([{ id: 'c1', status: 'closed' }]), [flow('c1')], s).items).toEqual([]);
    expect(stepUpWorkList(input([{ id: 'c1' }]), [], s)).toEqual({ items: [], cadenceMet: [] });
  });
});
