/**
 * A letter-like document as data: what the HTML and the PDF renderings both draw from, so a letter reads the
 * same in the citizen's digital mailbox, in a browser and in the archive.
 */

/** The sender's letterhead: the municipality's name and address, and optionally its logo. */
export interface Letterhead {
  name: string;
  /** Address lines, top to bottom (street, postcode and town, phone, web). */
  addressLines: readonly string[];
  /** A PNG or JPEG; absent: the name alone heads the letter. */
  logo?: LetterLogo | null;
}

export interface LetterLogo {
  mime: 'image/png' | 'image/jpeg';
  data: Buffer;
}

export type DocumentBlock =
  /** A section heading; level 1 opens a part of the letter, level 2 a subsection of it. */
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  /** Running text; blank lines separate paragraphs, single line breaks are kept. */
  | { kind: 'paragraph'; text: string }
  /** Label and value rows (the provision, the period). */
  | { kind: 'fields'; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: 'list'; items: readonly string[] }
  /** A thin rule between parts. */
  | { kind: 'separator' };

export interface LetterDocument {
  letterhead: Letterhead;
  /** The letter's subject line (also the document title). */
  title: string;
  /** The date line as it is printed, e.g. "2. december 2026". */
  dateLine?: string;
  /** A reference the reader can quote back (a journal number, a decision id). */
  reference?: string;
  blocks: readonly DocumentBlock[];
  /** Printed small at the foot of every page of the PDF (and after the letter in HTML). */
  footer?: string;
  /** Language of the text (HTML `lang`), default `da`. */
  lang?: string;
}

/** The paragraphs of a running text, trimmed, without empty ones. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
