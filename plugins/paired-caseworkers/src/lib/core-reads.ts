import type { CorePorts } from '@enplan/plugin-api';
import type { MeetingFacts } from './rules.js';

/**
 * The meeting a plan version names as its source, in the shape the joint-meeting rule reads, from the core's
 * meetings port (bound to the caller's transaction and municipality); null when it is not the municipality's.
 */
export async function readMeeting(core: CorePorts, meetingId: string): Promise<MeetingFacts | null> {
  const m = await core.meetings.get(meetingId);
  if (!m) return null;
  return {
    id: m.id,
    courseId: m.courseId,
    type: m.type,
    status: m.status,
    day: m.day,
    staff: m.participants.flatMap((p) => (p.staffMemberId ? [{ staffMemberId: p.staffMemberId, attendance: p.attendance }] : [])),
  };
}
