// Deterministic data at scale for the load benchmark (issue 17): a fixed-seed generator that writes the core's
// tables in bulk, in the shapes the migrations define (every row with its municipality_id), through whatever
// `query(sql, params)` it is given (TypeORM's DataSource.query on PGlite or PostgreSQL).
//
// Same scale + same `today` = the same rows, ids included (a seeded PRNG, no gen_random_uuid, no now()).
// What the benchmark needs is laid out on purpose in every municipality: staff member 0 ("the bench caseworker",
// unit 0) coordinates exactly `workList` active courses, unit 0's members are on exactly `board` active courses,
// and the citizen of course 0 has `citizenLog` access-log rows about them.
import { createHash } from 'node:crypto';

/** Totals over all municipalities. `large` is issue 17's; `small` about 1/20 of it, for PGlite; `tiny` for tests. */
export const SCALES = {
  large: { municipalities: 5, courses: 20_000, active: 12_000, staff: 800, versions: 10, items: 30, meetings: 250_000, accessLog: 1_000_000, workList: 50, board: 400 },
  small: { municipalities: 2, courses: 1_000, active: 600, staff: 80, versions: 10, items: 30, meetings: 12_500, accessLog: 50_000, workList: 50, board: 200 },
  tiny: { municipalities: 2, courses: 40, active: 24, staff: 12, versions: 3, items: 6, meetings: 100, accessLog: 500, workList: 6, board: 12 },
};

/** A scale divided by `factor` (a "reduced large"), keeping the per-caseworker and per-team shapes. */
export function scaleOf(name, factor = 1) {
  const s = SCALES[name];
  if (!s) throw new Error(`unknown scale ${name} (one of ${Object.keys(SCALES).join(', ')})`);
  if (factor === 1) return { ...s };
  const d = (n) => Math.max(1, Math.round(n / factor));
  return { ...s, courses: d(s.courses), active: d(s.active), staff: Math.max(20 * s.municipalities, d(s.staff)), meetings: d(s.meetings), accessLog: d(s.accessLog) };
}

/** The municipalities of the bench deployment (codes of no real municipality; real codes run 101–860). */
export function benchDeployment(scale) {
  return { municipalities: Array.from({ length: scale.municipalities }, (_, i) => ({ code: String(981 + i), name: `Bench Kommune ${i + 1}`, plugins: [] })) };
}

/** mulberry32: small, fast, and the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (rand, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += ((rand() * 16) | 0).toString(16);
  return s;
};

const dayOf = (today, offset) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const instant = (today, offset, time = '10:00') => `${dayOf(today, offset)}T${time}:00Z`;
const arr = (xs) => `{${xs.map((x) => `"${x}"`).join(',')}}`;

const FIRST = ['Anne', 'Lars', 'Mette', 'Peter', 'Fatima', 'Ali', 'Sofie', 'Mads', 'Emma', 'Jonas', 'Ida', 'Omar', 'Karen', 'Niels', 'Sara', 'Mikkel'];
const LAST = ['Hansen', 'Jensen', 'Nielsen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen'];
const UNIT_KINDS = ['job-centre', 'adult-social', 'children-family', 'addiction-treatment', 'health', 'housing', 'psychiatry', 'youth-education-guidance'];
const FUNCTIONS = { 'job-centre': 'job-consultant', 'adult-social': 'social-worker', 'children-family': 'family-counsellor', 'addiction-treatment': 'addiction-counsellor', health: 'health-professional', housing: 'support-contact-person', psychiatry: 'health-professional', 'youth-education-guidance': 'mentor' };
const AREAS = { 'job-centre': ['employment', 'active-social-policy'], 'adult-social': ['social-adults'], 'children-family': ['children'], 'addiction-treatment': ['social-adults'], health: ['health'], housing: [], psychiatry: [], 'youth-education-guidance': ['education'] };
const BASES = ['SEL-101', 'SEL-85', 'LAB-57', 'BL-32'];
const REASONS = ['multiple-complex-problems', 'long-term-benefit', 'addiction', 'mental-health', 'homelessness'];
const PLACES = ['town-hall', 'citizen-home', 'provider-site', 'cafe', 'online'];
const ROUTES = ['GET /api/v1/courses/:courseId', 'GET /api/v1/courses/:courseId/plan', 'GET /api/v1/courses', 'POST /api/v1/courses/:courseId/plan/versions', 'GET /api/v1/courses/:courseId/meetings'];

/**
 * A fake but well-formed CPR number (DDMMYY-SSSS; the modulus-11 check is not applied, see libs/shared/util/cpr.ts)
 * for citizen n: born 1950–1999 (seventh digit 0–3 = 1900s), unique per n below 10 000 × the days in the range.
 */
export function fakeCpr(n) {
  const born = new Date(Date.UTC(1950, 0, 1) + (n % 18_250) * 86_400_000);
  const dd = String(born.getUTCDate()).padStart(2, '0');
  const mm = String(born.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(born.getUTCFullYear() % 100).padStart(2, '0');
  const serial = String(Math.floor(n / 18_250) % 4000).padStart(4, '0'); // 0000–3999: seventh digit 0–3, the 1900s
  return { cpr: `${dd}${mm}${yy}${serial}`, birthDate: born.toISOString().slice(0, 10) };
}

/** Writes rows in batches with one INSERT … SELECT FROM unnest(...) each. `cols`: [name, sqlType, cast?]. */
class Bulk {
  constructor(query, table, cols, deps = [], batch = 2000) {
    Object.assign(this, { query, table, cols, deps, batch, rows: [], count: 0 });
  }
  async add(row) {
    this.rows.push(row);
    if (this.rows.length >= this.batch) await this.flush();
  }
  /** Writes what is buffered, after what it refers to (foreign keys). */
  async flush() {
    for (const d of this.deps) await d.flush();
    if (!this.rows.length) return;
    const params = this.cols.map((_, i) => this.rows.map((r) => r[i]));
    const names = this.cols.map(([n]) => `"${n}"`).join(', ');
    const args = this.cols.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
    const select = this.cols.map(([n, , cast], i) => (cast ? `c${i}::${cast}` : `c${i}`)).join(', ');
    const alias = this.cols.map((_, i) => `c${i}`).join(', ');
    await this.query(`INSERT INTO "${this.table}" (${names}) SELECT ${select} FROM unnest(${args}) AS u(${alias})`, params);
    this.count += this.rows.length;
    this.rows = [];
  }
}

/**
 * Plants the bench data into the municipalities given ([{ id, code }], in deployment order). Returns per
 * municipality the subjects the load benchmark drives (ids), and the counts written.
 */
export async function seedBench(query, { scale, today, municipalities, seed = 17 }) {
  const rand = prng(seed);
  const uuid = () => `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-8${hex(rand, 3)}-${hex(rand, 12)}`;
  const pick = (xs) => xs[(rand() * xs.length) | 0];
  const M = municipalities.length;
  const per = (n, i) => Math.floor(n / M) + (i < n % M ? 1 : 0);

  const T = (table, cols, deps) => new Bulk(query, table, cols, deps);
  const units = T('org_unit', [['municipality_id', 'uuid'], ['id', 'uuid'], ['kind', 'text', 'unit_kind'], ['name', 'text']]);
  const staffT = T('staff_member', [['municipality_id', 'uuid'], ['id', 'uuid'], ['name', 'text'], ['unit_id', 'uuid'], ['function', 'text', 'staff_function'], ['authority_areas', 'text', 'legal_area[]'], ['is_provider', 'bool'], ['fte', 'numeric'], ['active', 'bool']], [units]);
  const citizens = T('citizen', [['municipality_id', 'uuid'], ['id', 'uuid'], ['cpr', 'text'], ['name', 'text'], ['birth_date', 'date'], ['contact_channel', 'text', 'contact_channel']]);
  const courses = T('course', [['municipality_id', 'uuid'], ['id', 'uuid'], ['citizen_id', 'uuid'], ['target_group', 'text', 'target_group'], ['model_id', 'text'], ['status', 'text', 'course_status'], ['referred_by', 'text'], ['referred_on', 'date'], ['referral_reason_code', 'text', 'referral_reason'], ['referral_reason', 'text'], ['activated_on', 'date'], ['end_date', 'date']], [citizens]);
  const transitions = T('course_transition', [['municipality_id', 'uuid'], ['id', 'uuid'], ['course_id', 'uuid'], ['from_status', 'text', 'course_status'], ['to_status', 'text', 'course_status'], ['actor_id', 'uuid'], ['at', 'timestamptz'], ['reason', 'text']], [courses, staffT]);
  const team = T('team_assignment', [['municipality_id', 'uuid'], ['id', 'uuid'], ['course_id', 'uuid'], ['staff_member_id', 'uuid'], ['role', 'text', 'team_role'], ['starts_on', 'date'], ['ends_on', 'date'], ['assigned_by', 'uuid']], [courses, staffT]);
  const plans = T('plan', [['municipality_id', 'uuid'], ['id', 'uuid'], ['course_id', 'uuid'], ['current_version', 'int4'], ['draft_revision', 'int4']], [courses]);
  const versions = T('plan_version', [['municipality_id', 'uuid'], ['id', 'uuid'], ['plan_id', 'uuid'], ['version', 'int4'], ['content', 'text', 'jsonb'], ['author_id', 'uuid'], ['published_at', 'timestamptz'], ['change_summary', 'text']], [plans, staffT]);
  versions.batch = 500;
  const meetings = T('meeting', [['municipality_id', 'uuid'], ['id', 'uuid'], ['course_id', 'uuid'], ['type', 'text'], ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'], ['place_kind', 'text', 'meeting_place_kind'], ['status', 'text', 'meeting_status'], ['minutes', 'text'], ['created_by', 'uuid']], [courses, staffT]);
  const participants = T('meeting_participant', [['municipality_id', 'uuid'], ['id', 'uuid'], ['meeting_id', 'uuid'], ['kind', 'text', 'participant_kind'], ['staff_member_id', 'uuid'], ['citizen_id', 'uuid'], ['attendance', 'text', 'attendance']], [meetings, citizens, staffT]);
  const log = T('access_log', [['municipality_id', 'uuid'], ['id', 'uuid'], ['at', 'timestamptz'], ['actor_id', 'uuid'], ['actor_roles', 'text', 'varchar[]'], ['operation', 'text', 'access_operation'], ['outcome', 'text', 'access_outcome'], ['record_type', 'text'], ['record_id', 'uuid'], ['course_ids', 'text', 'uuid[]'], ['citizen_ids', 'text', 'uuid[]'], ['route', 'text'], ['basis', 'text']]);
  log.batch = 5000;
  const measurements = T('progression_measurement', [['municipality_id', 'uuid'], ['id', 'uuid'], ['course_id', 'uuid'], ['instrument_id', 'text'], ['instrument_version', 'int4'], ['about_citizen_id', 'uuid'], ['respondent_type', 'text', 'progression_respondent_type'], ['occasion', 'text', 'progression_occasion'], ['status', 'text', 'progression_measurement_status'], ['started_by', 'uuid'], ['started_at', 'timestamptz'], ['skip_reason', 'text']], [courses, citizens, staffT]);
  const all = [units, staffT, citizens, courses, transitions, team, plans, versions, meetings, participants, log, measurements];

  const subjects = [];
  let citizenNo = 0;
  for (const [mi, m] of municipalities.entries()) {
    const mid = m.id;
    const S = per(scale.staff, mi);
    const C = per(scale.courses, mi);
    const A = per(scale.active, mi);
    const W = Math.min(scale.workList, A);
    const B = Math.min(Math.max(scale.board, W), A);
    const meetingsHere = per(scale.meetings, mi);
    const logHere = per(scale.accessLog, mi);

    // Units: unit 0 is the bench team (a job centre); the rest take the other kinds in turn.
    const unitIds = [];
    for (let u = 0; u < 8; u++) {
      const kind = UNIT_KINDS[u];
      unitIds.push(uuid());
      await units.add([mid, unitIds[u], kind, u === 0 ? `Team Bench ${m.code}` : `${kind} ${m.code}`]);
    }
    // Staff: 0 the bench caseworker, 1 the bench team's manager, 2…u0-1 the rest of the bench team; the others in units 1–7.
    const u0 = Math.max(3, Math.round(S / 8));
    const staff = [];
    for (let s = 0; s < S; s++) {
      const unit = s < u0 ? 0 : 1 + ((s - u0) % 7);
      const kind = UNIT_KINDS[unit];
      const fn = s === 1 ? 'manager' : s === 0 ? 'caseworker' : FUNCTIONS[kind];
      const id = uuid();
      staff.push({ id, unit });
      await staffT.add([mid, id, `${pick(FIRST)} ${pick(LAST)}`, unitIds[unit], fn, arr(AREAS[kind]), kind === 'housing', '1', true]);
    }
    const benchTeam = staff.slice(2, u0);
    const others = staff.slice(u0);
    const subject = { municipalityCode: m.code, municipalityId: mid, caseworkerId: staff[0].id, managerId: staff[1].id, unitId: unitIds[0], workListCourses: W, boardCourses: B, courses: [] };
    subjects.push(subject);
    const courseIds = [];

    for (let j = 0; j < C; j++) {
      const active = j < A;
      const rest = j - A;
      const status = active ? 'active' : rest % 4 === 0 || rest % 4 === 1 ? 'closed' : rest % 4 === 2 ? 'referred' : 'paused';
      const coordinator = !active ? others[j % others.length] : j < W ? staff[0] : j < B ? benchTeam[j % benchTeam.length] : others[j % others.length];
      const second = others[(j * 7 + 3) % others.length];
      const citizenId = uuid();
      const { cpr, birthDate } = fakeCpr(citizenNo++);
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      await citizens.add([mid, citizenId, cpr, name, birthDate, 'digital-post']);
      const courseId = uuid();
      const referredDay = -400 + (j % 300);
      const activatedDay = referredDay + 20;
      const endDay = status === 'closed' ? activatedDay + 60 : null;
      await courses.add([mid, courseId, citizenId, 'adults', 'generic', status, `Jobcenter ${m.code}`, dayOf(today, referredDay), REASONS[j % REASONS.length], 'Flere samtidige problemer; mange aktører uden fælles plan.', status === 'referred' ? null : dayOf(today, activatedDay), endDay === null ? null : dayOf(today, endDay)]);
      const path = status === 'referred' ? ['referred'] : status === 'closed' ? ['referred', 'active', 'closed'] : status === 'paused' ? ['referred', 'active', 'paused'] : ['referred', 'assessed', 'active'];
      let from = null;
      for (const [k, to] of path.entries()) {
        await transitions.add([mid, uuid(), courseId, from, to, coordinator.id, instant(today, referredDay + k * 10), 'Bench']);
        from = to;
      }
      if (status !== 'referred') {
        const starts = dayOf(today, activatedDay);
        const ends = status === 'closed' ? dayOf(today, endDay) : null;
        await team.add([mid, uuid(), courseId, coordinator.id, 'coordinator', starts, ends, coordinator.id]);
        await team.add([mid, uuid(), courseId, second.id, 'caseworker', starts, ends, coordinator.id]);
      }
      if (j < W) subject.courses.push({ courseId, citizenId });
      if (status !== 'referred') courseIds.push({ id: courseId, citizenId, staffId: coordinator.id });
      if (j === 0) subject.citizenId = citizenId;

      // The plan: `versions` on average (1 … 2·avg−1), each with `items` goals, actions and agreements.
      if (status !== 'referred') {
        const planId = uuid();
        const n = 1 + (j % (2 * scale.versions - 1));
        await plans.add([mid, planId, courseId, n, 0]);
        const third = Math.max(1, Math.round(scale.items / 3));
        const goals = Array.from({ length: third }, (_, g) => ({ id: uuid(), title: `Delmål ${g + 1}: en hverdag der hænger sammen`, targetDate: dayOf(today, 30 + g), status: g % 3 === 0 ? 'in-progress' : 'not-started', concerns: [] }));
        const actions = Array.from({ length: third }, (_, a) => ({ id: uuid(), goalId: goals[a % goals.length].id, title: `Indsats ${a + 1}`, legalBasis: BASES[a % BASES.length], responsible: { kind: 'staff', id: coordinator.id }, startDate: dayOf(today, -30), deadline: dayOf(today, 60 + a), status: 'active' }));
        const agreements = Array.from({ length: third }, (_, a) => ({ id: uuid(), text: `Aftale ${a + 1}: borgeren ringer selv`, responsible: { kind: 'citizen' }, due: dayOf(today, 7 + a), done: a % 2 === 0 }));
        const words = { worries: 'Gælden og at jeg ikke kan sove.', whatWorks: 'Når jeg har noget at stå op til.', dreamsAndWishes: 'Et fast arbejde med mine hænder.' };
        const goal = { text: 'Jeg vil have et job, hvor jeg bruger mine hænder.', citizenAgreed: true, agreedOn: dayOf(today, activatedDay) };
        for (let v = 1; v <= n; v++) {
          const content = { citizenWords: words, overallGoal: goal, goals, actions: actions.slice(0, Math.max(1, Math.round((third * v) / n))), agreements };
          await versions.add([mid, uuid(), planId, v, JSON.stringify(content), coordinator.id, instant(today, activatedDay + v, '12:00'), `Version ${v}`]);
        }
      }
      if (active && j % 2 === 0) {
        await measurements.add([mid, uuid(), courseId, 'wellbeing-ruler-adult', 1, citizenId, 'citizen', 'baseline', 'skipped', coordinator.id, instant(today, activatedDay + 1), 'Borgeren ønskede ikke at svare (bench)']);
      }
    }

    // Meetings, spread over the courses with a team: held ones in the past, the next one planned.
    for (let k = 0; k < meetingsHere && courseIds.length; k++) {
      const c = courseIds[k % courseIds.length];
      const round = Math.floor(k / courseIds.length);
      const planned = round === 0;
      const offset = planned ? 5 + (k % 40) : -14 * round;
      const id = uuid();
      const starts = instant(today, offset, '10:00');
      await meetings.add([mid, id, c.id, 'network-meeting', starts, instant(today, offset, '11:00'), PLACES[k % PLACES.length], planned ? 'planned' : 'held', planned ? null : 'Referat (bench)', c.staffId]);
      await participants.add([mid, uuid(), id, 'staff', c.staffId, null, planned ? 'invited' : 'attended']);
      await participants.add([mid, uuid(), id, 'citizen', null, c.citizenId, planned ? 'invited' : 'attended']);
    }

    // The access log: reads of the courses by their coordinators; the bench citizen gets 1 in 250.
    for (let k = 0; k < logHere && courseIds.length; k++) {
      const c = k % 250 === 0 ? { id: subject.courses[0]?.courseId ?? courseIds[0].id, citizenId: subject.citizenId, staffId: staff[0].id } : courseIds[(k * 31) % courseIds.length];
      await log.add([mid, uuid(), new Date(Date.parse(`${today}T08:00:00Z`) - k * 37_000).toISOString(), c.staffId, '{caseworker}', 'read', 'allowed', 'course', c.id, arr([c.id]), arr([c.citizenId]), ROUTES[k % ROUTES.length], 'team']);
    }
  }
  for (const t of all) await t.flush();
  const counts = Object.fromEntries(all.map((t) => [t.table, t.count]));
  return { subjects, counts };
}

/** Row counts and a hash of every id per table, read back from the database (the determinism check). */
export async function databaseFacts(query, tables = ['org_unit', 'staff_member', 'citizen', 'course', 'course_transition', 'team_assignment', 'plan', 'plan_version', 'meeting', 'meeting_participant', 'access_log', 'progression_measurement']) {
  const facts = {};
  const hash = createHash('sha256');
  for (const t of tables) {
    const [{ n, h }] = await query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(id::text, ',' ORDER BY id), '')) AS h FROM "${t}"`);
    facts[t] = n;
    hash.update(`${t}:${h};`);
  }
  return { counts: facts, hash: hash.digest('hex') };
}
