import { Municipality, coreMigrations } from '@enplan/core/database';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { Citizen, Household, HouseholdMember } from '@enplan/core/citizens';
import { Consent, Course, CourseTransition, DisclosureRelease, TeamAssignment } from '@enplan/core/courses';
import { AccessGrant, AccessLogEntry } from '@enplan/core/access';
import { LegalBasis, Plan, PlanVersion } from '@enplan/core/plans';
import {
  AgendaItem,
  CalendarSubscription,
  Contact,
  FollowUp,
  Meeting,
  MeetingCourse,
  MeetingOutcome,
  MeetingParticipant,
  OutboxMessage,
  ProviderOrder,
  ProviderReport,
} from '@enplan/core/meetings';
import { JournalNote } from '@enplan/core/journal';
import { eventEntities } from '@enplan/core/events';
import { SyncDelivery } from '@enplan/core/sync';
import { Measurement, RegisteredInstrument } from '@enplan/core/progression';
import { Decision, DecisionComplaintTemplate, DecisionSettings } from '@enplan/core/decisions';

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
  Consent,
  DisclosureRelease,
  AccessGrant,
  AccessLogEntry,
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
  ProviderOrder,
  ProviderReport,
  OutboxMessage,
  CalendarSubscription,
  JournalNote,
  ...eventEntities,
  SyncDelivery,
  Measurement,
  RegisteredInstrument,
  Decision,
  DecisionComplaintTemplate,
  DecisionSettings,
];

export { coreMigrations };
