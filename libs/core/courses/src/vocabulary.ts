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
