import { DataSource } from "typeorm";
import { Citizen, Household, HouseholdMember } from "@enplan/core/citizens";
import { Course, TeamAssignment } from "@enplan/core/courses";
import { Municipality } from "@enplan/core/database";
import {
  OrgUnit,
  StaffMember,
  type LegalArea,
  type UnitKind,
} from "@enplan/core/organisation";
import type { TestApp } from "@enplan/core/testing";

/** Every kind of caller the access rules tell apart. */
export interface Actors {
  team: string;
  outsider: string;
  manager: string;
  external: string;
  externalNoConsent: string;
  otherMunicipality: string;
  integration: string;
}

export interface AccessWorld {
  municipalityId: string;
  jobCentre: string;
  familyUnit: string;
  psychiatry: string;
  school: string;
  ids: {
    teamMember: string;
    outsider: string;
    manager: string;
    externalPsychiatrist: string;
    externalTeacher: string;
    familyWorker: string;
  };
  citizenId: string;
  courseId: string;
  /** Bearer headers per actor. */
  as: Actors;
}

const YEAR = 365 * 86_400;

/**
 * One municipality with a job centre, a family unit and two external units (psychiatry, a school); an active
 * course whose team has a job-centre caseworker (primary contact), a family worker, a psychiatrist under a
 * consent in force and a teacher whose consent has been revoked; plus a colleague off the team, the
 * job centre's manager, and a user of another municipality.
 */
export async function arrangeAccessWorld(
  t: TestApp,
  o: { jobCentreId?: string } = {},
): Promise<AccessWorld> {
  const ds = t.app.get(DataSource);
  const { id: municipalityId } = await ds
    .getRepository(Municipality)
    .findOneByOrFail({ code: "999" });
  const unit = async (kind: UnitKind, name: string, id?: string) =>
    (await ds.getRepository(OrgUnit).save({ id, municipalityId, kind, name }))
      .id;
  const jobCentre = await unit("job-centre", "Jobcenter Nord", o.jobCentreId);
  const familyUnit = await unit("children-family", "Familiecentret");
  const psychiatry = await unit("psychiatry", "Psykiatrien Nord");
  const school = await unit("school", "Nordskolen");
  const staff = async (
    name: string,
    unitId: string,
    authorityAreas: LegalArea[],
    fn: StaffMember["function"] = "caseworker",
  ) =>
    (
      await ds
        .getRepository(StaffMember)
        .save({ municipalityId, name, unitId, function: fn, authorityAreas })
    ).id;
  const ids = {
    teamMember: await staff("Mette Holm", jobCentre, ["employment"]),
    outsider: await staff("Jens Lund", jobCentre, ["employment"]),
    manager: await staff("Karin Berg", jobCentre, [], "manager"),
    externalPsychiatrist: await staff(
      "Lars Berg",
      psychiatry,
      [],
      "health-professional",
    ),
    externalTeacher: await staff("Sofie Dam", school, [], "teacher"),
    familyWorker: await staff(
      "Ole Friis",
      familyUnit,
      ["children"],
      "family-counsellor",
    ),
  };
  const citizen = await ds
    .getRepository(Citizen)
    .save({
      municipalityId,
      cpr: "0101901234",
      name: "Anna Jensen",
      birthDate: "1990-01-01",
    });
  const household = await ds
    .getRepository(Household)
    .save({ municipalityId, label: "Familien Jensen" });
  await ds
    .getRepository(HouseholdMember)
    .save({
      municipalityId,
      householdId: household.id,
      citizenId: citizen.id,
      relation: "parent",
    });
  const course = await ds.getRepository(Course).save({
    municipalityId,
    citizenId: citizen.id,
    householdId: household.id,
    targetGroup: "families",
    modelId: "generic",
    status: "active",
    referredBy: "Jobcenter, team 3",
    referredOn: "2025-12-01",
    activatedOn: "2025-12-10",
    referralReasonCode: "multiple-complex-problems",
    referralReason: "Flere samtidige problemer",
  });
  const assign = (staffMemberId: string, role: TeamAssignment["role"]) =>
    ds
      .getRepository(TeamAssignment)
      .save({
        municipalityId,
        courseId: course.id,
        staffMemberId,
        role,
        startsOn: "2025-12-10",
        assignedBy: ids.teamMember,
      });
  await assign(ids.teamMember, "primary-contact");
  await assign(ids.familyWorker, "caseworker");

  const token = (userId: string, roles: string[], municipality = "999") =>
    t
      .token({ userId, roles, municipality, ttlSeconds: YEAR })
      .then((x) => `Bearer ${x}`);
  const as: Actors = {
    team: await token(ids.teamMember, ["caseworker"]),
    outsider: await token(ids.outsider, ["caseworker"]),
    manager: await token(ids.manager, ["manager"]),
    external: await token(ids.externalPsychiatrist, ["external"]),
    externalNoConsent: await token(ids.externalTeacher, ["external"]),
    otherMunicipality: await token(
      "00000000-0000-4000-8000-000000000101",
      ["caseworker", "manager", "integrator"],
      "101",
    ),
    integration: await token("00000000-0000-4000-8000-0000000000aa", [
      "integrator",
    ]),
  };

  // External members join through the API, which demands a consent covering their unit first.
  const post = (path: string, body: object) =>
    t.http().post(`/api/v1${path}`).set("Authorization", as.team).send(body);
  const consent = async (unitId: string, categories: string[]) => {
    const res = await post(`/courses/${course.id}/consents`, {
      kind: "information-sharing",
      citizenId: citizen.id,
      partyUnitIds: [unitId],
      purpose: "Koordinering af forløbet",
      categories,
      validFrom: "2025-12-01",
      form: "written",
    });
    if (res.status !== 201)
      throw new Error(`consent: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  await consent(psychiatry, ["general", "health"]);
  const schoolConsent = await consent(school, ["general"]);
  for (const [staffMemberId] of [
    [ids.externalPsychiatrist],
    [ids.externalTeacher],
  ]) {
    const res = await post(`/courses/${course.id}/team`, {
      staffMemberId,
      role: "external-participant",
      startsOn: "2025-12-10",
    });
    if (res.status !== 201)
      throw new Error(`team: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const revoked = await post(`/consents/${schoolConsent}/revoke`, {
    note: "Trukket tilbage telefonisk",
  });
  if (revoked.status !== 201) throw new Error(`revoke: ${revoked.status}`);

  return {
    municipalityId,
    jobCentre,
    familyUnit,
    psychiatry,
    school,
    ids,
    citizenId: citizen.id,
    courseId: course.id,
    as,
  };
}

export interface ApiRoute {
  method: string;
  /** The OpenAPI path without `/api/v1`, e.g. `/courses/{courseId}/plan`. */
  path: string;
}

function expect201(res: { status: number; body: { code?: string } }): void {
  if (res.status !== 201)
    throw new Error(`arrange: ${res.status} ${res.body?.code ?? ""}`);
}

/**
 * Writes one record of every course-scoped kind into the world's course (a plan version, a meeting, a contact
 * with a follow-up, a provider order, a journal note, an access grant) as the integration, and returns the
 * values for every path parameter of the OpenAPI document, plus its routes.
 */
export async function arrangeCaseRecords(
  t: TestApp,
  w: AccessWorld,
): Promise<{ fill: Record<string, string>; routes: ApiRoute[] }> {
  const as = (h: string) => ({ Authorization: h });
  const api = (method: "get" | "post", path: string, body?: object) => {
    const req = t.http()[method](`/api/v1${path}`).set(as(w.as.integration));
    return body ? req.send(body) : req;
  };
  const plan = await api("post", `/courses/${w.courseId}/plan/versions`, {
    baseVersion: 0,
    changeSummary: "Første plan",
    content: {
      citizenWords: {
        worries: "Huslejen",
        whatWorks: "Madlavning",
        dreamsAndWishes: "Et job",
      },
      overallGoal: {
        text: "Et job i et køkken",
        citizenAgreed: true,
        agreedOn: "2026-01-05",
      },
      goals: [
        { id: "g-job", title: "Praktik", status: "in-progress", concerns: [] },
      ],
      actions: [
        {
          id: "a-1",
          goalId: "g-job",
          title: "Praktik i kantine",
          legalBasis: "LAB-57",
          responsible: { kind: "unit", id: w.jobCentre },
          startDate: "2026-02-01",
          status: "planned",
        },
      ],
      agreements: [],
    },
  });
  expect201(plan);
  const meeting = await api("post", `/courses/${w.courseId}/meetings`, {
    type: "plan",
    startsAt: "2026-02-10T09:00:00Z",
    endsAt: "2026-02-10T10:00:00Z",
    placeKind: "town-hall",
    participants: [
      { kind: "staff", staffMemberId: w.ids.teamMember, roles: ["chair"] },
    ],
  });
  expect201(meeting);
  const contact = await api("post", `/courses/${w.courseId}/contacts`, {
    kind: "call",
    at: "2026-02-02T08:00:00Z",
    note: "Talt om praktikken",
    staffMemberIds: [w.ids.teamMember],
    legalArea: "employment",
    followUps: [
      {
        text: "Ring til virksomheden",
        ownerId: w.ids.teamMember,
        dueOn: "2026-02-09",
      },
    ],
  });
  expect201(contact);
  const followUps = await api("get", `/courses/${w.courseId}/follow-ups`);
  // Ordering an action decides it: by the team member holding authority in its area (an integration holds none).
  const order = await t
    .http()
    .post(`/api/v1/courses/${w.courseId}/provider-orders`)
    .set(as(w.as.team))
    .send({
      actionId: "a-1",
      purpose: "Praktik med mentor",
      providerUnitId: w.jobCentre,
      reportEveryDays: 30,
      startsOn: "2026-02-01",
    });
  expect201(order);
  // A note in the general area: a note in a legal area is for its authority holders only (access.e2e-spec).
  const note = await api("post", `/courses/${w.courseId}/journal-notes`, {
    legalArea: "general",
    text: "Samtale om praktik",
  });
  expect201(note);
  const measurement = await api("post", `/courses/${w.courseId}/measurements`, {
    instrumentId: "employment-readiness",
    respondentType: "citizen",
    occasion: "baseline",
  });
  expect201(measurement);
  // A draft decision (drafting needs no authority; externals see decided ones only, so theirs is a not-found).
  const decision = await api("post", `/courses/${w.courseId}/decisions`, {
    legalBasis: "LAB-57",
  });
  expect201(decision);
  const consents = await api("get", `/courses/${w.courseId}/consents`);
  const grant = await t
    .http()
    .post(`/api/v1/courses/${w.courseId}/access-grants`)
    .set(as(w.as.manager))
    .send({
      staffMemberId: w.ids.outsider,
      reason: "Ferieafløsning uge 7",
      validUntil: "2026-02-03",
    });
  expect201(grant);
  const team = await api("get", `/courses/${w.courseId}/team`);
  const household = (
    await t.app
      .get(DataSource)
      .query(`SELECT household_id FROM course WHERE id = $1`, [w.courseId])
  )[0].household_id as string;
  // A webhook of the world's municipality (nothing listens at the URL; no pass of the delivery worker runs here).
  const webhook = await api("post", "/webhooks", { url: "http://127.0.0.1:9/hook" });
  expect201(webhook);
  const fill: Record<string, string> = {
    courseId: w.courseId,
    webhookId: webhook.body.id,
    meetingId: meeting.body.id,
    participantId: meeting.body.participants[0].id,
    contactId: contact.body.id,
    followUpId: followUps.body[0]?.id ?? followUps.body.items?.[0]?.id,
    orderId: order.body.id,
    noteId: note.body.id,
    measurementId: measurement.body.id,
    instrumentId: "employment-readiness",
    decisionId: decision.body.id,
    legalArea: "employment",
    consentId: consents.body.items[0].id,
    grantId: grant.body.id,
    assignmentId: team.body.items.find(
      (a: { role: string }) => a.role === "caseworker",
    ).id,
    version: "1",
    // A sync target the world's municipality does not configure: the route answers 422 after the access check.
    target: "archive",
    staffId: w.ids.teamMember,
    citizenId: w.citizenId,
    unitId: w.jobCentre,
    token: "A".repeat(43),
    householdId: household,
  };
  const doc = (await t.http().get("/api/openapi.json")).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  const routes = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith("/api/v1/"))
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
        .map((m) => ({
          method: m.toUpperCase(),
          path: path.replace(/^\/api\/v1/, ""),
        })),
    );
  return { fill, routes };
}

/** The OpenAPI path with every `{param}` filled from `fill` (or the world's ids for `{id}`). */
export function concretePath(
  path: string,
  w: AccessWorld,
  fill: Record<string, string>,
): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    let value = fill[name];
    if (name === "id") {
      const prefix = path.split("/")[1];
      value =
        {
          courses: w.courseId,
          citizens: w.citizenId,
          households: fill.householdId,
          "org-units": w.jobCentre,
          staff: w.ids.teamMember,
          webhooks: fill.webhookId,
          // No delivery in the world (the worker does not run): the route answers 404 after its access check.
          "event-deliveries": "00000000-0000-4000-8000-0000000000ab",
        }[prefix] ?? "";
    }
    if (!value)
      throw new Error(
        `No fixture for {${name}} in ${path}: add one to concretePath's fill`,
      );
    return value;
  });
}
