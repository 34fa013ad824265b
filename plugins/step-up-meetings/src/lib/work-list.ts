import { In } from 'typeorm';
import { isCourseEnded, type PluginWorkItem, type PluginWorkList, type WorkListContext, type WorkListInput } from '@enplan/plugin-api';
import { StepUpFlow } from './entities.js';
import { computeDeadlines, danishDay, type DeadlineFacts } from './rules.js';
import type { StepUpMeetingsSettings } from './settings.js';

/** The cadence rule this plugin contributes for the step-up meeting (extensions.ts). */
export const STEP_UP_MEETING_RULE = 'step-up-meeting';

/** What the work list needs of one course's flow; the flow row itself, or a test's facts. */
export type FlowFacts = Pick<
  StepUpFlow,
  'courseId' | 'state' | 'startedOn' | 'preparationDueOn' | 'materialSentOn' | 'meetingHeldOn' | 'reReviewDueOn' | 'reReviewHeldOn' | 'reReviewWaivedReason'
>;

/**
 * The flow's deadlines as work-list items, and whether its step-up meeting is met. Pure: the flows come from
 * the plugin's own table, the meetings from the facts the core passes (never from the core's tables).
 *
 * - `preparation` and `material` while the material has not gone out, `re-review` once the agreement set its
 *   date and until it is held: the same dates `GET …/flow` shows; the core decides overdue / due / upcoming.
 * - The step-up meeting is already the cadence rule `step-up-meeting` (counted from activation); it is met once
 *   the flow recorded the meeting, or a core `step-up` meeting of the course was held, even before activation
 *   (the core's rule counts only meetings after it).
 * - A completed flow, one closed without a re-review, or an ended course owes nothing.
 */
export function stepUpWorkList(input: WorkListInput, flows: readonly FlowFacts[], s: Pick<StepUpMeetingsSettings, 'materialDaysBefore'>): PluginWorkList {
  const byCourse = new Map(flows.map((f) => [f.courseId, f]));
  const items: PluginWorkItem[] = [];
  const cadenceMet: { courseId: string; rule: string }[] = [];
  for (const c of input.courses) {
    const courseId = c.course.id;
    const flow = byCourse.get(courseId);
    const stepUpMeetings = c.meetings.filter((m) => m.type === 'step-up' && m.status !== 'cancelled');
    if (flow?.meetingHeldOn || stepUpMeetings.some((m) => m.status === 'held')) cadenceMet.push({ courseId, rule: STEP_UP_MEETING_RULE });
    if (!flow) continue;
    const facts: DeadlineFacts = {
      stored: flow.state,
      startedOn: flow.startedOn,
      preparationDueOn: flow.preparationDueOn,
      materialSentOn: flow.materialSentOn,
      meetingHeldOn: flow.meetingHeldOn,
      stepUpMeetingOn:
        flow.meetingHeldOn ??
        stepUpMeetings
          .map((m) => danishDay(new Date(m.startsAt)))
          .sort()
          .find((day) => day >= flow.startedOn) ??
        null,
      reReviewDueOn: flow.reReviewDueOn,
      reReviewHeldOn: flow.reReviewHeldOn,
      waived: flow.reReviewWaivedReason !== null,
      courseEnded: isCourseEnded(c.course.status),
    };
    if (facts.courseEnded || facts.waived || facts.stored === 'completed') continue;
    const d = computeDeadlines(facts, s, input.today);
    const open = (x: { dueOn: string | null; doneOn: string | null }): x is { dueOn: string; doneOn: null } => x.dueOn !== null && x.doneOn === null;
    if (open(d.preparation)) items.push({ courseId, ref: 'preparation', dueOn: d.preparation.dueOn, title: 'Step-Up: the worksheet and a signed consent, ready for the material' });
    if (open(d.material)) items.push({ courseId, ref: 'material', dueOn: d.material.dueOn, title: 'Step-Up: send the material to the departments a week before the step-up meeting' });
    if (open(d.reReview)) {
      items.push({ courseId, ref: 're-review', dueOn: d.reReview.dueOn, title: 'Step-Up: the re-review meeting, six months after the agreement', meetingType: 're-review' });
    }
  }
  return { items, cadenceMet };
}

/** The `workList` extension point: the flows of the asked courses in one query on the plugin's own table. */
export async function stepUpWorkListExtension(input: WorkListInput, ctx: WorkListContext<StepUpMeetingsSettings>): Promise<PluginWorkList> {
  const courseIds = input.courses.map((c) => c.course.id);
  const flows: StepUpFlow[] = [];
  // In chunks: the reminder job asks for every open course of the municipality at once.
  for (let i = 0; i < courseIds.length; i += 1000) {
    flows.push(...(await ctx.db.find(StepUpFlow, { where: { municipalityId: ctx.municipalityId, courseId: In(courseIds.slice(i, i + 1000)) } })));
  }
  return stepUpWorkList(input, flows, ctx.settings);
}
