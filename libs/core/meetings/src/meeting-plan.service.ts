import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { EMPTY_PLAN_CONTENT, PlansService, type PlanAgreement, type PlanContent } from '@enplan/core/plans';
import type { PublishFromMeetingDto } from './meeting.dto.js';
import type { MeetingOutcome } from './meeting.entity.js';
import { meetingsError } from './meetings.error.js';
import { MeetingsService } from './meetings.service.js';

/** The plan agreement an outcome becomes; its id is derived from the outcome so a second run adds nothing twice. */
export function outcomeAgreementId(outcomeId: string): string {
  return `meeting-${outcomeId}`;
}

/** The plan content after a meeting: the base content plus the meeting's agreements (pure). */
export function planAfterMeeting(base: PlanContent, outcomes: Pick<MeetingOutcome, 'id' | 'kind' | 'text' | 'responsible' | 'due'>[]): PlanContent {
  const known = new Set(base.agreements.map((a) => a.id));
  const added: PlanAgreement[] = outcomes
    .filter((o) => o.kind === 'agreement' && !known.has(outcomeAgreementId(o.id)))
    .map((o) => ({
      id: outcomeAgreementId(o.id),
      text: o.text,
      responsible: o.responsible ?? { kind: 'citizen' },
      ...(o.due ? { due: o.due } : {}),
      done: false,
    }));
  return { ...base, agreements: [...base.agreements, ...added] };
}

@Injectable()
export class MeetingPlanService {
  constructor(
    private readonly ds: DataSource,
    private readonly meetings: MeetingsService,
    private readonly plans: PlansService,
  ) {}

  /** Saves the plan draft: the current draft (or current version) plus the meeting's agreements. */
  async draft(p: Principal, meetingId: string) {
    const { courseId, outcomes } = await this.read(p, meetingId);
    // Plans runs its own transaction; nothing of ours is open while it does.
    const current = await this.plans.draft(p, courseId);
    const content = planAfterMeeting(current.content ?? EMPTY_PLAN_CONTENT, outcomes);
    const draft = await this.plans.saveDraft(p, courseId, current.exists ? `"${current.revision}"` : undefined, content);
    return { ...draft, courseId, meetingId };
  }

  /** Publishes the draft as the next version, linked to the meeting as its source. */
  async publish(p: Principal, meetingId: string, ifMatch: string | undefined, dto: PublishFromMeetingDto) {
    const { courseId } = await this.read(p, meetingId);
    return this.plans.publish(p, courseId, ifMatch, { changeSummary: dto.changeSummary, changeSummaryConcerns: dto.changeSummaryConcerns, baseVersion: dto.baseVersion, sourceMeetingId: meetingId });
  }

  private async read(p: Principal, meetingId: string): Promise<{ courseId: string; outcomes: MeetingOutcome[] }> {
    const em = this.ds.manager;
    const m = await this.meetings.meeting(em, p, meetingId);
    if (!m.courseId) throw meetingsError.noCourse();
    return { courseId: m.courseId, outcomes: await this.meetings.outcomes(em, p.municipalityId, m.id) };
  }
}
