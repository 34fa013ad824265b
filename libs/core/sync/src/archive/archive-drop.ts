import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The document-archive drop: a document as PDF plus a JSON metadata file in a folder an ESDH import watches
 * (one subfolder per municipality code). File names carry only ids and the kind, never a name or CPR number.
 * Each file is written to a temporary name in the same folder and renamed into place (rename is atomic on one
 * file system), PDF first and metadata last: an importer that picks up `*.json` always finds its PDF whole.
 */
export const ARCHIVE_METADATA_SCHEMA = 'https://enplan.dk/schemas/archive-document/v1';

export type ArchiveDocumentType = 'plan-version' | 'decision';

export interface ArchiveMetadata {
  $schema: string;
  /** Stable per document: a redelivery overwrites the same files. */
  documentId: string;
  documentType: ArchiveDocumentType;
  /** The archive's own document type label (dokumenttype). */
  documentTypeLabel: string;
  title: string;
  /** YYYY-MM-DD (dokumentdato). */
  documentDate: string;
  municipality: { code: string; name: string };
  /** What the archive files the document under: enplan's course id as the case reference, the version or decision id. */
  caseReference: { system: 'enplan-course'; courseId: string; journalNote: string };
  /** The parties (sagsparter) the case concerns, by CPR number. */
  parties: { cpr: string; role: 'primary' | 'household-member' }[];
  /** Plans and decisions hold social and health information: GDPR art. 9, always "følsom". */
  sensitivity: 'sensitive';
  /**
   * For a decision: its id, area and provision, its effective period, and the archive document of the decision it
   * supersedes (a decided decision is never changed: a change is a new decision, filed beside the old one).
   */
  decision?: {
    decisionId: string;
    legalArea: string;
    legalBasis: string;
    effectiveFrom: string | null;
    effectiveTo: string | null;
    supersedesDocumentId: string | null;
  };
  /** The PDF's file name next to this file. */
  file: string;
  mimeType: 'application/pdf';
}

export interface ArchiveDrop {
  /** File names without folder, e.g. `999_<course>_plan-v2.pdf`. */
  pdf: string;
  metadata: string;
  folder: string;
}

export function archiveFileBase(municipalityCode: string, courseId: string, type: ArchiveDocumentType, ref: string): string {
  return `${municipalityCode}_${courseId}_${type === 'plan-version' ? `plan-v${ref}` : `decision-${ref}`}`;
}

async function atomicWrite(folder: string, name: string, data: Buffer | string): Promise<void> {
  const tmp = join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, join(folder, name));
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export async function dropToArchive(root: string, base: string, pdf: Buffer, metadata: Omit<ArchiveMetadata, 'file' | 'mimeType'>): Promise<ArchiveDrop> {
  const folder = join(root, metadata.municipality.code);
  await mkdir(folder, { recursive: true });
  const names = { pdf: `${base}.pdf`, metadata: `${base}.json` };
  await atomicWrite(folder, names.pdf, pdf);
  const full: ArchiveMetadata = { ...metadata, file: names.pdf, mimeType: 'application/pdf' };
  await atomicWrite(folder, names.metadata, `${JSON.stringify(full, null, 2)}\n`);
  return { ...names, folder };
}
