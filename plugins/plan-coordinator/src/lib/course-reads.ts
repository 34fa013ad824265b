import type { CorePorts, CourseFacts } from '@enplan/plugin-api';
import type { ConsentFacts, MeetingFacts } from './rules.js';
import { CHAIR_ROLES } from './rules.js';

/**
 * What the plugin reads of the core's records, through the core's ports (bound to the caller's transaction
 * and municipality), in the shapes the model's rules take.
 */

export type CourseRow = Pick<CourseFacts, 'id' | 'modelId' | 'status' | 'targetGroup' | 'activatedOn'>;

/** The course's consents (every kind, revoked ones included: whether one is in force is the rules' call). */
export async function loadConsents(core: CorePorts, courseId: string): Promise<ConsentFacts[]> {
  return (await core.consents.ofCourse(courseId)).map((c) => ({
    kind: c.kind,
    partyUnitIds: c.partyUnitIds,
    categories: c.categories,
    validFrom: c.validFrom,
    validTo: c.validTo,
    revokedAt: c.revokedAt,
  }));
}

/** The course's own meetings of the given types, with the staff participants wearing a chair role. */
export async function loadMeetings(core: CorePorts, courseId: string, types: readonly string[]): Promise<MeetingFacts[]> {
  return (await core.meetings.ofCourse(courseId, types)).map((m) => ({
    id: m.id,
    type: m.type,
    startsAt: m.startsAt,
    status: m.status as MeetingFacts['status'],
    chairStaffIds: m.participants.filter((p) => p.staffMemberId && p.roles.some((r) => CHAIR_ROLES.includes(r))).map((p) => p.staffMemberId as string),
  }));
}
