/** One entry of the legal-basis catalogue an action in a plan refers to by `code`. */
export interface LegalBasisEntry {
  code: string;
  law: string;
  paragraph: string;
  title: string;
}

export const LAW = {
  lab: 'Lov om en aktiv beskæftigelsesindsats',
  sel: 'Serviceloven',
  bl: 'Barnets lov',
  sul: 'Sundhedsloven',
} as const;

/**
 * The provisions the core ships. Paragraph numbers follow the laws in force (LAB: lov nr. 548 af 7. maj 2019
 * as consolidated; barnets lov from 1 January 2024, after which serviceloven covers adults only). A
 * provision is listed only when its number has been checked: a wrong paragraph in a plan is worse than
 * a missing one, which a municipality can add itself. Lov om aktiv socialpolitik mainly grants benefits,
 * not actions, so none of its paragraphs is listed yet.
 */
export const CORE_LEGAL_BASES: readonly LegalBasisEntry[] = [
  { code: 'LAB-57', law: LAW.lab, paragraph: '§ 57', title: 'Virksomhedspraktik' },
  { code: 'LAB-66', law: LAW.lab, paragraph: '§ 66', title: 'Ansættelse med løntilskud' },
  { code: 'LAB-112', law: LAW.lab, paragraph: '§ 112', title: 'Ressourceforløb' },
  { code: 'LAB-167', law: LAW.lab, paragraph: '§ 167', title: 'Mentorstøtte' },
  { code: 'SEL-82B', law: LAW.sel, paragraph: '§ 82 b', title: 'Tidsbegrænset individuel socialpædagogisk hjælp og støtte' },
  { code: 'SEL-85', law: LAW.sel, paragraph: '§ 85', title: 'Socialpædagogisk bistand' },
  { code: 'SEL-99', law: LAW.sel, paragraph: '§ 99', title: 'Støtte- og kontaktperson' },
  { code: 'SEL-101', law: LAW.sel, paragraph: '§ 101', title: 'Social behandling af stofmisbrug' },
  { code: 'SEL-102', law: LAW.sel, paragraph: '§ 102', title: 'Behandling (nedsat fysisk eller psykisk funktionsevne)' },
  { code: 'SEL-107', law: LAW.sel, paragraph: '§ 107', title: 'Midlertidigt botilbud' },
  { code: 'SEL-108', law: LAW.sel, paragraph: '§ 108', title: 'Længerevarende botilbud' },
  { code: 'SEL-110', law: LAW.sel, paragraph: '§ 110', title: 'Forsorgshjem og herberg' },
  { code: 'BL-32', law: LAW.bl, paragraph: '§ 32', title: 'Støttende indsatser' },
  { code: 'BL-46', law: LAW.bl, paragraph: '§ 46', title: 'Anbringelse uden for hjemmet med samtykke' },
  { code: 'BL-47', law: LAW.bl, paragraph: '§ 47', title: 'Anbringelse uden for hjemmet uden samtykke' },
  { code: 'SUL-141', law: LAW.sul, paragraph: '§ 141', title: 'Alkoholbehandling' },
  { code: 'SUL-142', law: LAW.sul, paragraph: '§ 142', title: 'Lægelig behandling af stofmisbrug' },
];

const CORE_CODES = new Set(CORE_LEGAL_BASES.map((b) => b.code.toUpperCase()));

/** Codes compare case-insensitively, so "sel-85" can never stand beside "SEL-85". */
export function isCoreLegalBasisCode(code: string): boolean {
  return CORE_CODES.has(code.toUpperCase());
}
