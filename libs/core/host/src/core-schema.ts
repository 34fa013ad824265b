import { Municipality, coreMigrations } from '@enplan/core/database';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { Citizen, Household, HouseholdMember } from '@enplan/core/citizens';
import { Course, CourseTransition, TeamAssignment } from '@enplan/core/courses';
import { LegalBasis, Plan, PlanVersion } from '@enplan/core/plans';
import { AgendaItem, Contact, FollowUp, Meeting, MeetingCourse, MeetingOutcome, MeetingParticipant } from '@enplan/core/meetings';

/** Every core entity, in one list: the DataSource, the drift check and migration generation use it. */
export const coreEntities = [
  Municipality,
  OrgUnit,
  StaffMember,
  Citizen,
  Household,
  HouseholdMember,
  Course,
  CourseTransition,
  TeamAssignment,
  Plan,
  PlanVersion,
  LegalBasis,
  Meeting,
  MeetingCourse,
  MeetingParticipant,
  AgendaItem,
  MeetingOutcome,
  Contact,
  FollowUp,
];

export { coreMigrations };
