import type { SyncTargetKind, SyncTargetSetting } from '@enplan/core/config';
import { archiveFileBase, ARCHIVE_METADATA_SCHEMA, dropToArchive } from '../archive/archive-drop.js';
import { planVersionPdf } from '../archive/plan-version-pdf.js';
import type { CourseExportService, CourseSyncData } from '../course-export.service.js';
import { stableUuid } from '../fhir/course-bundle.js';
import type { DecisionForSectorSystems } from '@enplan/core/decisions';
import { danishDay } from '@enplan/shared/util';

/**
 * The sector adapters: each takes one event (a published plan version) for one configured target and delivers
 * it, returning the target's reference, or throws `DeliveryFailure` with a reason fit for the ledger (a status
 * code or error kind: never a response body, which may echo personal data). The delivery worker calls them through
 * `SyncService.deliverTo`, once per attempt of a delivery (`event_delivery` row).
 */
export interface SyncEvent {
  /** The domain event's id. */
  id: string;
  kind: 'plan.version-published';
  municipalityId: string;
  courseId: string;
  /** The plan version's id. */
  subjectId: string;
}

export interface AdapterContext {
  event: SyncEvent;
  target: SyncTargetSetting;
  data: CourseSyncData;
  exports: CourseExportService;
  idempotencyKey: string;
  archiveDir: string | undefined;
  /** Standard Webhooks signature headers when the target has a secret (`secretEnv`); none otherwise. */
  sign: (body: string, id: string) => Record<string, string>;
}

export class DeliveryFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DeliveryFailure';
  }
}

export type SyncAdapter = (ctx: AdapterContext) => Promise<{ reference: string | null }>;

const TIMEOUT_MS = 10_000;

async function post(ctx: Pick<AdapterContext, 'target' | 'idempotencyKey' | 'sign'>, contentType: string, payload: unknown): Promise<{ reference: string | null }> {
  const url = ctx.target.url;
  if (!url) throw new DeliveryFailure('target has no url configured');
  const body = JSON.stringify(payload);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, 'idempotency-key': ctx.idempotencyKey, ...ctx.sign(body, ctx.idempotencyKey) },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (e) {
    throw new DeliveryFailure((e as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable');
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new DeliveryFailure(`HTTP ${res.status}`);
  }
  // The receiver's reference: a Location header, or `reference`/`id` of a JSON answer; bounded, never parsed further.
  let reference = res.headers.get('location');
  const text = await res.text().catch(() => '');
  if (!reference && text) {
    try {
      const j = JSON.parse(text) as { reference?: unknown; id?: unknown };
      const r = j.reference ?? j.id;
      if (typeof r === 'string' || typeof r === 'number') reference = String(r);
    } catch {
      // not JSON: no reference
    }
  }
  return { reference: reference ? reference.slice(0, 300) : null };
}

function version(ctx: AdapterContext) {
  const v = ctx.data.version;
  if (!v) throw new DeliveryFailure('plan version not found');
  return v;
}

export const SYNC_ADAPTERS: Record<Exclude<SyncTargetKind, 'manual'>, SyncAdapter> = {
  async archive(ctx) {
    if (!ctx.archiveDir) throw new DeliveryFailure('ENPLAN_ARCHIVE_DIR is not configured');
    const d = ctx.data;
    const v = version(ctx);
    const publishedOn = danishDay(v.publishedAt);
    const pdf = await planVersionPdf({
      municipalityName: d.municipality.name,
      citizens: d.citizens.map((c) => ({ name: c.name, cpr: c.cpr })),
      version: v.version,
      publishedOn,
      publishedAt: v.publishedAt,
      authorName: d.authorName,
      changeSummary: v.changeSummary,
      content: v.content,
      legalBases: d.legalBases,
      names: d.names,
    });
    const base = archiveFileBase(d.municipality.code, d.course.id, 'plan-version', String(v.version));
    try {
      const drop = await dropToArchive(ctx.archiveDir, base, pdf, {
        $schema: ARCHIVE_METADATA_SCHEMA,
        documentId: stableUuid(d.course.id, 'archive', v.id),
        documentType: 'plan-version',
        documentTypeLabel: 'Handleplan (Én plan)',
        title: `Én plan, version ${v.version}`,
        documentDate: publishedOn,
        municipality: { code: d.municipality.code, name: d.municipality.name },
        caseReference: { system: 'enplan-course', courseId: d.course.id, journalNote: `Én plan version ${v.version} offentliggjort ${publishedOn}` },
        parties: d.citizens.map((c) => ({ cpr: c.cpr, role: c.id === d.course.citizenId ? ('primary' as const) : ('household-member' as const) })),
        sensitivity: 'sensitive',
      });
      return { reference: `${d.municipality.code}/${drop.metadata}` };
    } catch (e) {
      throw new DeliveryFailure(`archive folder not writable (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  },

  fhir: (ctx) => post(ctx, 'application/fhir+json', ctx.exports.fhirBundle(ctx.data)),

  'employment-plan': (ctx) => {
    const extract = ctx.exports.employmentPlan(ctx.data);
    if (!extract) throw new DeliveryFailure('plan version not found');
    return post(ctx, 'application/json', extract);
  },

  'json-push': (ctx) => {
    const d = ctx.data;
    const v = version(ctx);
    return post(ctx, 'application/json', {
      $schema: 'https://enplan.dk/schemas/plan-version-push/v1',
      event: { id: ctx.event.id, kind: ctx.event.kind },
      municipalityCode: d.municipality.code,
      courseId: d.course.id,
      citizens: d.citizens.map((c) => ({ cpr: c.cpr, primary: c.id === d.course.citizenId })),
      planVersion: v.version,
      publishedAt: v.publishedAt.toISOString(),
      changeSummary: v.changeSummary,
      content: v.content,
    });
  },
};

/** One attempt to deliver a decided decision to one target (`decision.decided`). */
export interface DecisionAdapterContext {
  /** The domain event's id. */
  eventId: string;
  target: SyncTargetSetting;
  decision: DecisionForSectorSystems;
  /** The course, its municipality and citizens (the parties), its current plan and decisions (for FHIR). */
  data: CourseSyncData;
  exports: CourseExportService;
  idempotencyKey: string;
  archiveDir: string | undefined;
  sign: (body: string, id: string) => Record<string, string>;
}

export type DecisionAdapter = (ctx: DecisionAdapterContext) => Promise<{ reference: string | null }>;

/** The decision as a sector system receives it: facts and references, the letter's summary; not the letter's legal text. */
export function decisionPush(ctx: DecisionAdapterContext) {
  const { decision: x, data: d } = ctx;
  return {
    $schema: 'https://enplan.dk/schemas/decision-push/v1',
    event: { id: ctx.eventId, kind: 'decision.decided' },
    municipalityCode: d.municipality.code,
    courseId: d.course.id,
    citizens: d.citizens.map((c) => ({ cpr: c.cpr, primary: c.id === d.course.citizenId })),
    decision: {
      id: x.id,
      legalArea: x.legalArea,
      legalBasis: x.legalBasis,
      actions: x.actions,
      planVersion: x.planVersion,
      effectiveFrom: x.effectiveFrom,
      effectiveTo: x.effectiveTo,
      decidedAt: x.decidedAt.toISOString(),
      supersedesId: x.supersedesId,
      committee: x.committee,
      summary: x.summary,
    },
  };
}

/**
 * Decided decisions: the archive drop (the letter as PDF plus metadata), the FHIR endpoint (the course's bundle, the
 * decision in it as a DocumentReference), the job centre's system and the JSON push.
 */
export const DECISION_ADAPTERS: Record<'archive' | 'fhir' | 'employment-plan' | 'json-push', DecisionAdapter> = {
  fhir: (ctx) => post(ctx, 'application/fhir+json', ctx.exports.fhirBundle(ctx.data)),
  async archive(ctx) {
    if (!ctx.archiveDir) throw new DeliveryFailure('ENPLAN_ARCHIVE_DIR is not configured');
    const { decision: x, data: d } = ctx;
    const decidedOn = danishDay(x.decidedAt);
    const base = archiveFileBase(d.municipality.code, d.course.id, 'decision', x.id);
    const provision = `${x.legalBasis.law} ${x.legalBasis.paragraph}`;
    const pdf = await x.renderPdf();
    try {
      const drop = await dropToArchive(ctx.archiveDir, base, pdf, {
        $schema: ARCHIVE_METADATA_SCHEMA,
        documentId: stableUuid(d.course.id, 'archive', x.id),
        documentType: 'decision',
        documentTypeLabel: 'Afgørelse',
        title: `Afgørelse efter ${provision}`,
        documentDate: decidedOn,
        municipality: { code: d.municipality.code, name: d.municipality.name },
        caseReference: {
          system: 'enplan-course',
          courseId: d.course.id,
          journalNote: `Afgørelse efter ${provision} truffet ${decidedOn}${x.supersedesId ? ' (erstatter en tidligere afgørelse)' : ''}`,
        },
        parties: d.citizens.map((c) => ({ cpr: c.cpr, role: c.id === d.course.citizenId ? ('primary' as const) : ('household-member' as const) })),
        sensitivity: 'sensitive',
        decision: {
          decisionId: x.id,
          legalArea: x.legalArea,
          legalBasis: x.legalBasis.code,
          effectiveFrom: x.effectiveFrom,
          effectiveTo: x.effectiveTo,
          supersedesDocumentId: x.supersedesId ? stableUuid(d.course.id, 'archive', x.supersedesId) : null,
        },
      });
      return { reference: `${d.municipality.code}/${drop.metadata}` };
    } catch (e) {
      throw new DeliveryFailure(`archive folder not writable (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  },
  'employment-plan': (ctx) => post(ctx, 'application/json', decisionPush(ctx)),
  'json-push': (ctx) => post(ctx, 'application/json', decisionPush(ctx)),
};
