export const CONTACT_CHANNELS = ['digital-post', 'email', 'phone', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const HOUSEHOLD_RELATIONS = ['parent', 'child', 'partner', 'other'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];
