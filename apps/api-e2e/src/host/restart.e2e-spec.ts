import { PLUGIN_CATALOGUE } from "@enplan/plugin-catalogue";
import {
  createTestDatabase,
  startTestApp,
  testEngine,
  TWO_MUNICIPALITIES,
  type TestApp,
  type TestDatabase,
} from "@enplan/core/testing";
import type { Deployment } from "@enplan/core/config";
import {
  arrangeAccessWorld,
  arrangeCaseRecords,
  concretePath,
  type AccessWorld,
  type ApiRoute,
} from "../access/access-world.js";

/**
 * Stop the API and start it again on the same data: every list and detail route answers as before. The
 * embedded database once failed exactly here (enum arrays parsed differently once their types existed when
 * PGlite opened the directory), while every test that booted once passed.
 */
const YEAR = 365 * 86_400;
const INTEGRATION_ID = "00000000-0000-4000-8000-0000000000aa";
/** Routes whose answer grows with every read (the reads themselves are logged): same status, not same body. */
const GROWS_WITH_READS = /access-log|access-request/;
/** GET routes that answer no one 200 in this world (they must still answer the same after the restart), and why. */
const NOT_READABLE: [RegExp, string][] = [
  [
    /^\/calendar\/\{token\}\.ics$/,
    "the fixture token is not a real subscription",
  ],
  [
    /^\/plugins\/[^/]+\/courses\//,
    "the world's course is of the generic model, so a model's own course routes answer 404 for it",
  ],
  [
    /^\/event-deliveries\/\{id\}$/,
    "the delivery worker does not run in the world, so there is no delivery to read (the fixture id is unknown)",
  ],
  [
    /^\/decisions\/\{decisionId\}\/letter\.(html|pdf)$/,
    "the world's decision is a draft: its letter exists once it is decided (409 before)",
  ],
];

interface Answer {
  status: number;
  body: unknown;
}

const ALL_PLUGINS: Deployment = {
  municipalities: [
    {
      code: "999",
      name: "Demo Kommune",
      plugins: PLUGIN_CATALOGUE.map((p) => ({ id: p.id })),
    },
    { code: "101", name: "Anden Kommune", plugins: [] },
  ],
};

describe.each([
  ["the core", TWO_MUNICIPALITIES],
  ["every catalogue plugin enabled", ALL_PLUGINS],
])(`restart on the same data (${testEngine()}, %s)`, (_name, deployment) => {
  let db: TestDatabase;
  let w: AccessWorld;
  let fill: Record<string, string>;
  let reads: ApiRoute[];
  const before = new Map<string, Answer>();

  const boot = () =>
    startTestApp({
      database: db,
      deployment,
      plugins: PLUGIN_CATALOGUE,
      seedDemo: true,
      now: "2026-02-02T09:00:00Z",
    });
  /** Reads a route as the integration, or as the team member where a route is a staff member's own. */
  async function read(t: TestApp, path: string): Promise<Answer> {
    const url = `/api/v1${concretePath(path, w, fill)}`;
    const integration = await t.token({
      userId: INTEGRATION_ID,
      roles: ["integrator"],
      ttlSeconds: YEAR,
    });
    let res = await t
      .http()
      .get(url)
      .set("Authorization", `Bearer ${integration}`);
    if (res.status === 403 || res.status === 404) {
      const member = await t.token({
        userId: w.ids.teamMember,
        roles: ["caseworker"],
        ttlSeconds: YEAR,
      });
      res = await t.http().get(url).set("Authorization", `Bearer ${member}`);
    }
    const body =
      res.headers["content-type"]?.startsWith("application/json") ||
      res.headers["content-type"]?.includes("+json")
        ? res.body
        : res.text;
    return { status: res.status, body: stripVolatile(body) };
  }

  beforeAll(async () => {
    db = await createTestDatabase(testEngine(), { persistent: true });
    const first = await boot();
    try {
      w = await arrangeAccessWorld(first);
      const arranged = await arrangeCaseRecords(first, w);
      fill = arranged.fill;
      reads = arranged.routes.filter((r) => r.method === "GET");
      for (const r of reads) before.set(r.path, await read(first, r.path));
    } finally {
      await first.close();
    }
  });
  afterAll(() => db?.drop());

  it("reads every route back after a restart with the same answer", async () => {
    const second = await boot();
    try {
      const problems: string[] = [];
      for (const { path } of reads) {
        const was = before.get(path)!;
        const now = await read(second, path);
        if (was.status >= 500 || now.status >= 500)
          problems.push(`${path}: ${was.status} then ${now.status}`);
        else if (was.status !== now.status)
          problems.push(
            `${path}: ${was.status} before the restart, ${now.status} after`,
          );
        else if (!GROWS_WITH_READS.test(path)) {
          try {
            expect(now.body).toEqual(was.body);
          } catch {
            problems.push(`${path}: a different body after the restart`);
          }
        }
        if (
          now.status !== 200 &&
          now.status !== 304 &&
          !NOT_READABLE.some(([r]) => r.test(path))
        )
          problems.push(`${path}: ${now.status}, not readable`);
      }
      expect(problems).toEqual([]);
      // Not vacuous: the lists and details of every kind were read.
      expect(reads.length).toBeGreaterThan(30);
      expect(
        [...before.values()].filter((a) => a.status === 200).length,
      ).toBeGreaterThan(30);
    } finally {
      await second.close();
    }
  });

  it("takes writes of every kind after a restart, and reads them back", async () => {
    const second = await boot();
    try {
      const auth = `Bearer ${await second.token({ userId: INTEGRATION_ID, roles: ["integrator"], ttlSeconds: YEAR })}`;
      const post = (path: string, body: object) =>
        second
          .http()
          .post(`/api/v1${path}`)
          .set("Authorization", auth)
          .send(body);
      const staff = await post("/staff", {
        name: "Nanna Vestergaard",
        unitId: w.jobCentre,
        function: "caseworker",
        authorityAreas: ["employment", "active-social-policy"],
      });
      expect([staff.status, staff.body.authorityAreas]).toEqual([
        201,
        ["employment", "active-social-policy"],
      ]);
      const consent = await post(`/courses/${w.courseId}/consents`, {
        kind: "information-sharing",
        citizenId: w.citizenId,
        partyUnitIds: [w.familyUnit],
        purpose: "Koordinering",
        categories: ["general", "children"],
        validFrom: "2026-02-01",
        form: "written",
      });
      expect([consent.status, consent.body.categories]).toEqual([
        201,
        ["general", "children"],
      ]);
      const plan = await second
        .http()
        .get(`/api/v1/courses/${w.courseId}/plan`)
        .set("Authorization", auth);
      const v2 = await post(`/courses/${w.courseId}/plan/versions`, {
        baseVersion: plan.body.version,
        changeSummary: "Efter genstart",
        content: plan.body.content,
      });
      expect(v2.status).toBe(201);
      const listed = await second
        .http()
        .get("/api/v1/staff")
        .set("Authorization", auth);
      expect(listed.status).toBe(200);
      const items = (listed.body.items ?? listed.body) as {
        id: string;
        authorityAreas: string[];
      }[];
      expect(items.find((s) => s.id === staff.body.id)?.authorityAreas).toEqual(
        ["employment", "active-social-policy"],
      );
    } finally {
      await second.close();
    }
  });
});

/** Request ids and the server's own time stamps of the answer differ per request, not per restart. */
function stripVolatile(body: unknown): unknown {
  if (typeof body === "string")
    return body.replace(/^DTSTAMP:.*$/gm, "DTSTAMP");
  return JSON.parse(JSON.stringify(body ?? null), (key, value) =>
    key === "requestId" ? undefined : value,
  );
}
