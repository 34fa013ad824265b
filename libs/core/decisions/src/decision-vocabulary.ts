import type { LegalArea } from '@enplan/core/organisation';

/** draft → decided → notified. A decided (or notified) decision is never changed: a change is a new decision that supersedes it. */
export const DECISION_STATUSES = ['draft', 'decided', 'notified'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** What the decision says about one action of the plan. */
export const ACTION_OUTCOMES = ['granted', 'refused'] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

/** How the citizen was told: the digital mailbox (Digital Post / e-Boks), a paper letter, or handed over in person. */
export const NOTIFICATION_CHANNELS = ['digital-post', 'letter', 'in-person'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const CHANNEL_LABEL_DA: Record<NotificationChannel, string> = {
  'digital-post': 'Digital Post',
  letter: 'brev',
  'in-person': 'udleveret personligt',
};

/**
 * Provisions whose decisions a committee makes, not the caseworker, until the municipality says otherwise:
 * out-of-home placement of a child with and without consent (barnets lov §§ 46–47) and residential offers
 * for adults (serviceloven §§ 107–108). The trial municipalities route exactly these through their visitation
 * committees (Frederikssund: placements and residential offers, see the domain notes).
 */
export const DEFAULT_COMMITTEE_LEGAL_BASES: readonly string[] = ['BL-46', 'BL-47', 'SEL-107', 'SEL-108'];

const ANKESTYRELSEN = (unit: string) =>
  `Du kan klage over afgørelsen. Klagen skal være modtaget af ${unit} inden 4 uger fra den dag, du fik afgørelsen. ` +
  'Du kan klage skriftligt eller mundtligt, og du kan få hjælp til at klage.\n\n' +
  `Når vi har fået din klage, ser vi på afgørelsen igen. Hvis vi ikke giver dig helt ret, sender vi klagen videre til Ankestyrelsen, ` +
  'som behandler den. Du får besked, når klagen er sendt videre (retssikkerhedslovens §§ 60, 66 og 67).';

/**
 * The complaint guidance (klagevejledning) the core ships per legal area, in Danish: the text a decision
 * letter carries unless the municipality has written its own for the area (PUT /decision-settings/complaint-guidance/{area}).
 * They follow the general rule of the legal-rights act (retssikkerhedsloven: 4 weeks, reconsideration, then the
 * National Social Appeals Board) and name the other boards where the law does; a municipality must review them.
 */
export const DEFAULT_COMPLAINT_GUIDANCE: Record<LegalArea, string> = {
  employment: ANKESTYRELSEN('jobcentret'),
  'active-social-policy': ANKESTYRELSEN('kommunen'),
  'social-adults': ANKESTYRELSEN('kommunen'),
  children:
    ANKESTYRELSEN('kommunen') +
    '\n\nEr afgørelsen truffet af børn og unge-udvalget, kan du klage direkte til Ankestyrelsen inden 4 uger. Barnet kan selv klage, når barnet er fyldt 10 år.',
  health:
    'Du kan klage over afgørelsen til Styrelsen for Patientklager. Klagen skal være indgivet inden 1 år fra den dag, du fik afgørelsen. ' +
    'Du kan klage digitalt på borger.dk, og kommunen hjælper dig gerne med at klage.',
  education:
    'Du kan klage over afgørelsen til Klagenævnet for Specialundervisning. Klagen skal sendes til kommunen inden 4 uger fra den dag, ' +
    'du fik afgørelsen. Kommunen ser på sagen igen og sender den videre til klagenævnet, hvis vi fastholder afgørelsen.',
};

export const LEGAL_AREA_LABEL_DA: Record<LegalArea, string> = {
  employment: 'Beskæftigelse',
  'active-social-policy': 'Aktiv socialpolitik',
  'social-adults': 'Voksenområdet (serviceloven)',
  children: 'Børn og familie (barnets lov)',
  health: 'Sundhed',
  education: 'Uddannelse',
};
