/** Kinds of organisational unit taking part in courses; the external ones take part under consent. */
export const UNIT_KINDS = [
  'job-centre',
  'adult-social',
  'children-family',
  'addiction-treatment',
  'health',
  'youth-education-guidance',
  'housing',
  'psychiatry',
  'school',
  'probation',
  'other-external',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const EXTERNAL_UNIT_KINDS: readonly UnitKind[] = ['psychiatry', 'school', 'probation', 'other-external'];

export const STAFF_FUNCTIONS = [
  'caseworker',
  'job-consultant',
  'social-worker',
  'family-counsellor',
  'mentor',
  'support-contact-person',
  'company-consultant',
  'addiction-counsellor',
  'citizen-consultant',
  'health-professional',
  'teacher',
  'manager',
  'other',
] as const;
export type StaffFunction = (typeof STAFF_FUNCTIONS)[number];

/**
 * Legal areas in which a staff member may hold statutory authority (myndighed). A decision under a law can
 * only be recorded by someone with authority in its area.
 */
export const LEGAL_AREAS = [
  'employment', // lov om en aktiv beskæftigelsesindsats (LAB)
  'active-social-policy', // lov om aktiv socialpolitik (cash and youth benefit)
  'social-adults', // serviceloven, adults
  'children', // barnets lov (formerly serviceloven's children's provisions)
  'health', // sundhedsloven
  'education', // e.g. STU, youth education guidance
] as const;
export type LegalArea = (typeof LEGAL_AREAS)[number];
