import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { EnplanConfig } from '@enplan/core/config';
import { Course, TeamAssignment } from '@enplan/core/courses';
import { StaffMember } from '@enplan/core/organisation';
import { InstrumentRegistry } from './instrument-registry.service.js';
import { Measurement } from './measurement.entity.js';
import { SUPPRESSION_THRESHOLD } from './vocabulary.js';

export interface FiguresCell {
  modelId: string | null;
  targetGroup: string | null;
  unitId: string | null;
  /** True when fewer than 5 citizens are behind the cell: every number below is then null. */
  suppressed: boolean;
  citizens: number | null;
  withBaseline: number | null;
  withFollowUp: number | null;
  withEnd: number | null;
  /** Completed measurements whose every score is complete, as a share of completed measurements. */
  completionRate: number | null;
  /** Per sub-scale and total: mean of (latest − baseline) over courses with both. */
  averageChange: Record<string, number | null> | null;
}

export interface FiguresView {
  instrumentId: string;
  respondentType: string;
  threshold: number;
  total: FiguresCell;
  cells: FiguresCell[];
}

interface CourseSeries {
  courseId: string;
  citizenId: string;
  modelId: string;
  targetGroup: string;
  unitId: string | null;
  measurements: Measurement[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Management figures and the evaluation export. Figures are counted per municipality (the caller's), model,
 * target group and unit (the primary contact's), and a cell with fewer than 5 citizens is suppressed whole,
 * so nobody can be recognised from it. The export names courses only by a keyed hash (HMAC-SHA256 of the
 * course id with this deployment's secret): stable for an evaluator across exports, never the CPR number.
 */
@Injectable()
export class FiguresService {
  private secret?: Promise<Buffer>;

  constructor(
    private readonly ds: DataSource,
    private readonly registry: InstrumentRegistry,
    private readonly config: EnplanConfig,
  ) {}

  private async series(p: Principal, instrumentId: string, respondentType: string): Promise<CourseSeries[]> {
    const em = this.ds.manager;
    const municipalityId = p.municipalityId;
    const ms = await em.find(Measurement, { where: { municipalityId, instrumentId, respondentType: respondentType as Measurement['respondentType'], status: 'completed' }, order: { completedAt: 'ASC', id: 'ASC' } });
    const courseIds = [...new Set(ms.map((m) => m.courseId))];
    if (!courseIds.length) return [];
    const courses = await em.find(Course, { where: { municipalityId, id: In(courseIds) }, select: { id: true, modelId: true, targetGroup: true, citizenId: true } });
    const contacts = await em.find(TeamAssignment, { where: { municipalityId, courseId: In(courseIds), role: 'primary-contact' }, select: { id: true, courseId: true, staffMemberId: true, startsOn: true }, order: { startsOn: 'ASC' } });
    const staff = contacts.length ? await em.find(StaffMember, { where: { municipalityId, id: In([...new Set(contacts.map((c) => c.staffMemberId))]) }, select: { id: true, unitId: true } }) : [];
    const unitOf = new Map(staff.map((s) => [s.id, s.unitId]));
    const lastContact = new Map<string, string>();
    for (const c of contacts) lastContact.set(c.courseId, c.staffMemberId); // ordered by start: the latest wins
    const byCourse = new Map(courses.map((c) => [c.id, c]));
    return courseIds.flatMap((id) => {
      const c = byCourse.get(id);
      if (!c) return [];
      const mine = ms.filter((m) => m.courseId === id);
      return [{ courseId: id, citizenId: mine[0].aboutCitizenId, modelId: c.modelId, targetGroup: c.targetGroup, unitId: unitOf.get(lastContact.get(id) ?? '') ?? null, measurements: mine }];
    });
  }

  private cell(rows: CourseSeries[], key: Pick<FiguresCell, 'modelId' | 'targetGroup' | 'unitId'>, scoreIds: string[]): FiguresCell {
    const citizens = new Set(rows.map((r) => r.citizenId)).size;
    if (citizens < SUPPRESSION_THRESHOLD) {
      return { ...key, suppressed: true, citizens: null, withBaseline: null, withFollowUp: null, withEnd: null, completionRate: null, averageChange: null };
    }
    const has = (occasion: string) => rows.filter((r) => r.measurements.some((m) => m.occasion === occasion)).length;
    const all = rows.flatMap((r) => r.measurements);
    const complete = all.filter((m) => (m.scores ?? []).every((s) => s.complete)).length;
    const averageChange: Record<string, number | null> = {};
    for (const id of scoreIds) {
      const diffs = rows.flatMap((r) => {
        const base = r.measurements.find((m) => m.occasion === 'baseline');
        const latest = r.measurements.at(-1);
        const a = base?.scores?.find((s) => s.id === id)?.value;
        const b = latest?.scores?.find((s) => s.id === id)?.value;
        return base && latest && latest !== base && a != null && b != null ? [b - a] : [];
      });
      averageChange[id] = diffs.length ? round2(diffs.reduce((x, y) => x + y, 0) / diffs.length) : null;
    }
    return { ...key, suppressed: false, citizens, withBaseline: has('baseline'), withFollowUp: has('follow-up'), withEnd: has('end'), completionRate: all.length ? round2(complete / all.length) : null, averageChange };
  }

  async figures(p: Principal, instrumentId: string, respondentType: string): Promise<FiguresView> {
    const def = await this.registry.get(p.municipalityId, instrumentId);
    const scoreIds = [...def.subscales.map((s) => s.id), ...(def.totals ?? []).map((t) => t.id)];
    const rows = await this.series(p, instrumentId, respondentType);
    const groups = new Map<string, CourseSeries[]>();
    for (const r of rows) {
      const k = JSON.stringify([r.modelId, r.targetGroup, r.unitId]);
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const cells = [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, rs]) => {
        const [modelId, targetGroup, unitId] = JSON.parse(k) as [string, string, string | null];
        return this.cell(rs, { modelId, targetGroup, unitId }, scoreIds);
      });
    return { instrumentId, respondentType, threshold: SUPPRESSION_THRESHOLD, total: this.cell(rows, { modelId: null, targetGroup: null, unitId: null }, scoreIds), cells };
  }

  /** The deployment's secret for course keys, made once in the data directory (like the local signing key). */
  private key(): Promise<Buffer> {
    this.secret ??= (async () => {
      const path = join(this.config.dataDir, 'keys', 'evaluation-key');
      try {
        return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        await mkdir(join(this.config.dataDir, 'keys'), { recursive: true, mode: 0o700 });
        try {
          await writeFile(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
        return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
      }
    })();
    return this.secret;
  }

  /** The pseudonymous key of a course (and of a person, for child instruments): HMAC-SHA256, hex. */
  async pseudonym(id: string): Promise<string> {
    return createHmac('sha256', await this.key()).update(id).digest('hex');
  }

  /** CSV (RFC 4180, comma, CRLF) of every completed measurement of one instrument, one row each. */
  async evaluationCsv(p: Principal, instrumentId: string): Promise<{ csv: string; courseIds: string[] }> {
    const def = await this.registry.named(p.municipalityId, instrumentId);
    const scoreIds = [...def.subscales.map((s) => s.id), ...(def.totals ?? []).map((t) => t.id)];
    const respondents = [...new Set(def.respondents.map((r) => r.type))];
    const rows: string[][] = [['course_key', 'person_key', 'model', 'target_group', 'respondent', 'occasion', 'completed_on', 'instrument_version', ...scoreIds.flatMap((id) => [id, `${id}_complete`])]];
    const courseIds = new Set<string>();
    for (const respondent of respondents) {
      for (const s of await this.series(p, instrumentId, respondent)) {
        courseIds.add(s.courseId);
        for (const m of s.measurements) {
          const score = (id: string) => m.scores?.find((x) => x.id === id);
          rows.push([
            await this.pseudonym(s.courseId),
            await this.pseudonym(m.aboutCitizenId),
            s.modelId,
            s.targetGroup,
            m.respondentType,
            m.occasion,
            (m.completedAt as Date).toISOString().slice(0, 10),
            String(m.instrumentVersion),
            ...scoreIds.flatMap((id) => [score(id)?.value == null ? '' : String(score(id)?.value), score(id)?.complete ? 'true' : 'false']),
          ]);
        }
      }
    }
    const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return { csv: rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n', courseIds: [...courseIds] };
  }
}
