import { LEGAL_AREAS } from '@enplan/core/organisation';

export const TARGET_GROUPS = ['adults', 'youth', 'families'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const COURSE_STATUSES = ['referred', 'assessed', 'active', 'paused', 'closed', 'declined'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const REFERRAL_REASONS = [
  'multiple-complex-problems',
  'long-term-benefit',
  'family-at-risk',
  'addiction',
  'mental-health',
  'homelessness',
  'crime',
  'transition-to-adulthood',
  'other',
] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

export const OUTCOME_CODES = [
  'ordinary-job',
  'education',
  'flex-job',
  'resource-course',
  'disability-pension',
  'moved-municipality',
  'citizen-withdrew',
  'other',
] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

export const TEAM_ROLES = ['coordinator', 'caseworker', 'buddy', 'primary-contact', 'provider', 'external-participant'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** The model every deployment has: the core's rules only, no organisational plugin. */
export const GENERIC_MODEL_ID = 'generic';

export const CONSENT_KINDS = ['participation', 'information-sharing'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_FORMS = ['written', 'digital', 'oral-witnessed'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/**
 * What a consent lets a party see: the plan's shared parts (`general`: the citizen's words, goals,
 * agreements, meetings) and, per legal area, the actions and notes recorded under that area.
 */
export const INFORMATION_CATEGORIES = ['general', ...LEGAL_AREAS] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];
