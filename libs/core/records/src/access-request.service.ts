import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccessLogEntry, view as accessLogView } from '@enplan/core/access';
import { AccessGrant } from '@enplan/core/access';
import { Citizen, disclosureCircle, freeTextDisclosure, Household, HouseholdMember } from '@enplan/core/citizens';
import { Consent, Course, CourseTransition, releasedTo, TeamAssignment, type DisclosureReleaseKind } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { JournalNote } from '@enplan/core/journal';
import { AgendaItem, Contact, FollowUp, Meeting, MeetingCourse, MeetingOutcome, MeetingParticipant, OutboxMessage, ProviderOrder, ProviderReport } from '@enplan/core/meetings';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { Plan, PlanVersion, wordsDisclosure } from '@enplan/core/plans';
import { answerText, instrumentVersionOf, Measurement } from '@enplan/core/progression';
import type { InstrumentDefinition } from '@enplan/core/progression-instruments';
import { CLOCK, type Clock } from '@enplan/shared/util';
import type {
  AccessRequestDto,
  ExportConsentDto,
  ExportContactDto,
  ExportCourseDto,
  ExportFollowUpDto,
  ExportJournalNoteDto,
  ExportMeasurementDto,
  ExportMeetingDto,
  ExportPlanVersionDto,
  ExportProviderOrderDto,
} from './access-request.dto.js';
import { concernsOnlyOthers, redactPlan, type Redacted, REVIEWED_FREE_TEXTS, type ReviewedFreeText, StubRefs } from './redaction.js';

/** A grant whose reason the reader may be told: log entries made through it then show it. */
type ShownGrant = Pick<AccessGrant, 'courseId' | 'staffMemberId' | 'reason'>;

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The access request (aktindsigt): everything held about one citizen, for the citizen. In a family course an
 * item is disclosed by the household's disclosure rule (it concerns the citizen or a child in their custody,
 * or names nobody); anything else is withheld item by item (an opaque reference, its kind and date remain),
 * untagged free text waits for a caseworker's review, and the other members' master data never appears. The
 * CPR number is in full: it is the citizen's own.
 */
@Injectable()
export class AccessRequestService {
  constructor(
    private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(municipalityId: string, citizenId: string): Promise<AccessRequestDto> {
    const em = this.ds.manager;
    const citizen = await em.findOneOrFail(Citizen, { where: { id: citizenId, municipalityId } });
    const municipality = await em.findOneOrFail(Municipality, { where: { id: municipalityId } });
    const memberships = await em.find(HouseholdMember, { where: { municipalityId, citizenId } });
    const householdIds = memberships.map((m) => m.householdId);
    const households = householdIds.length ? await em.find(Household, { where: { municipalityId, id: In(householdIds) }, order: { createdAt: 'ASC', id: 'ASC' } }) : [];
    const allMembers = householdIds.length ? await em.find(HouseholdMember, { where: { municipalityId, householdId: In(householdIds) } }) : [];

    const courses = await em
      .getRepository(Course)
      .createQueryBuilder('c')
      .where('c.municipalityId = :municipalityId', { municipalityId })
      .andWhere(householdIds.length ? '(c.citizenId = :citizenId OR c.householdId IN (:...householdIds))' : 'c.citizenId = :citizenId', { citizenId, householdIds })
      .orderBy('c.referredOn', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();

    const names = new Names(em, municipalityId);
    const refs = new StubRefs();
    // Every course's measurements in one statement (not one per course), and each instrument version read once.
    const allMeasurements = courses.length ? await em.find(Measurement, { where: { municipalityId, courseId: In(courses.map((c) => c.id)) }, order: { startedAt: 'ASC', id: 'ASC' } }) : [];
    const definitions = new Map<string, Promise<InstrumentDefinition | undefined>>();
    const definitionOf = (m: Measurement) => {
      const key = `${m.instrumentId}@${m.instrumentVersion}`;
      if (!definitions.has(key)) definitions.set(key, instrumentVersionOf(em, municipalityId, m.instrumentId, m.instrumentVersion));
      return definitions.get(key) as Promise<InstrumentDefinition | undefined>;
    };
    let redactions = 0;
    const courseDtos: ExportCourseDto[] = [];
    const shownGrants: ShownGrant[] = [];
    for (const course of courses) {
      // The course's household decides whom the citizen is told about; a course of their own alone has nobody else.
      const household = !course.householdId
        ? []
        : householdIds.includes(course.householdId)
          ? allMembers.filter((m) => m.householdId === course.householdId)
          : await em.find(HouseholdMember, { where: { municipalityId, householdId: course.householdId } });
      const circle = disclosureCircle(citizenId, household);
      const measured = { measurements: allMeasurements.filter((m) => m.courseId === course.id), definitionOf };
      const { dto, withheld, grants } = await this.course(em, names, refs, municipalityId, citizenId, circle, household.length > 1, course, measured);
      redactions += withheld;
      shownGrants.push(...grants);
      courseDtos.push(dto);
    }

    const messages = await em.find(OutboxMessage, {
      where: { municipalityId, recipientKind: 'citizen', recipientId: citizenId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const log = await em
      .getRepository(AccessLogEntry)
      .createQueryBuilder('l')
      .where('l.municipalityId = :municipalityId', { municipalityId })
      .andWhere('l.citizenIds @> ARRAY[:citizenId]::uuid[]', { citizenId })
      .orderBy('l.at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .getMany();

    return {
      generatedAt: this.clock.now().toISOString(),
      municipality: municipality.name,
      citizen: {
        id: citizen.id,
        cpr: citizen.cpr,
        name: citizen.name,
        birthDate: citizen.birthDate,
        contactChannel: citizen.contactChannel,
        languageNeeds: citizen.languageNeeds,
        registeredAt: citizen.createdAt.toISOString(),
        updatedAt: citizen.updatedAt.toISOString(),
      },
      households: households.map((h) => ({
        id: h.id,
        label: h.label,
        yourRelation: memberships.find((m) => m.householdId === h.id)?.relation ?? 'other',
        otherMembers: allMembers.filter((m) => m.householdId === h.id && m.citizenId !== citizenId).map((m) => m.relation),
      })),
      courses: courseDtos,
      messages: messages.map((m) => ({
        id: m.id,
        topic: m.topic,
        subject: typeof m.payload?.subject === 'string' ? m.payload.subject : null,
        createdAt: m.createdAt.toISOString(),
        status: m.status,
      })),
      accessLog: await Promise.all(
        log.map(async (l) => ({
          ...accessLogView(l),
          // A reason (a temporary grant's) written for an access that also concerned other members may speak of them:
          // shown only when the grant's reason is disclosed to the reader (tagged for them, or released to them).
          reason: l.citizenIds.every((c) => c === citizenId) || grantReasonShown(l, shownGrants) ? l.reason : null,
          actorName: await names.staff(l.actorId),
        })),
      ),
      redactions,
    };
  }

  /**
   * One course as `me` may see it. `circle`: whom `me` is told about (`disclosureCircle`); `othersInHousehold`:
   * the course's household has other members, so untagged free text waits for a caseworker's review.
   */
  private async course(
    em: EntityManager,
    names: Names,
    refs: StubRefs,
    municipalityId: string,
    me: string,
    circle: ReadonlySet<string>,
    othersInHousehold: boolean,
    c: Course,
    measured: { measurements: Measurement[]; definitionOf: (m: Measurement) => Promise<InstrumentDefinition | undefined> },
  ): Promise<{ dto: ExportCourseDto; withheld: number; grants: ShownGrant[] }> {
    let withheld = 0;
    const stub = (kind: string, id: string, date: string | null, reason?: Redacted['reason']): Redacted => {
      withheld++;
      return refs.stub(`${c.id}:${kind}:${id}`, kind, date, reason);
    };
    const where = { municipalityId, courseId: c.id };
    const released = await releasedTo(em, municipalityId, c.id, me);
    const forReview = new Set<ReviewedFreeText>();
    /**
     * One free text as `me` may read it, by the household's rule (`freeTextDisclosure`): shown, or null when it names
     * only others or waits for review (then its kind is listed in withheldForReview). `release`: the kind a
     * caseworker can release it under (none for the referral reason, handover notes and outcomes).
     */
    const decide = (kind: ReviewedFreeText, release: DisclosureReleaseKind | null, recordId: string, concerns: readonly string[] | null | undefined) => {
      const d = freeTextDisclosure(circle, concerns, othersInHousehold, release !== null && released.has(release, recordId));
      if (d === 'review-required') forReview.add(kind);
      return d;
    };
    const text = (kind: ReviewedFreeText, release: DisclosureReleaseKind | null, recordId: string, concerns: readonly string[] | null | undefined, value: string | null) =>
      value === null || decide(kind, release, recordId, concerns) !== 'disclosed' ? null : value;
    const transitions = await em.find(CourseTransition, { where, order: { at: 'ASC', id: 'ASC' } });
    const team = await em.find(TeamAssignment, { where, order: { startsOn: 'ASC', id: 'ASC' } });
    const consents = await em.find(Consent, { where, order: { recordedAt: 'ASC', id: 'ASC' } });

    // Plan versions, oldest first; the latest decides which provider orders (tied to actions) are withheld.
    const plan = await em.findOne(Plan, { where });
    const versions = plan ? await em.find(PlanVersion, { where: { municipalityId, planId: plan.id }, order: { version: 'ASC' } }) : [];
    const planVersions: ExportPlanVersionDto[] = [];
    let hiddenActions = new Set<string>();
    for (const v of versions) {
      const r = redactPlan(circle, v.content, refs, c.id);
      const words = wordsDisclosure(circle, c.citizenId, othersInHousehold, released.has('citizen-words', v.id));
      if (words === 'review-required') forReview.add('citizen-words');
      withheld += r.redactions;
      hiddenActions = r.hiddenActionIds;
      planVersions.push({
        version: v.version,
        publishedAt: v.publishedAt.toISOString(),
        authorName: await names.staff(v.authorId),
        changeSummary: text('plan-change-summaries', 'plan-change-summary', v.id, v.changeSummaryConcerns, v.changeSummary),
        // The citizen's words are theirs: another member is told them only as something concerning that citizen.
        citizenWords:
          words === 'disclosed'
            ? { ...v.content.citizenWords }
            : stub('citizen-words', `v${v.version}`, v.publishedAt.toISOString(), words === 'review-required' ? 'review-required' : undefined),
        overallGoal: { ...v.content.overallGoal },
        goals: r.content.goals,
        actions: r.content.actions,
        agreements: r.content.agreements,
      });
    }

    // The course's own meetings, and board meetings that reviewed it among others.
    const own = await em.find(Meeting, { where, order: { startsAt: 'ASC', id: 'ASC' } });
    const links = await em.find(MeetingCourse, { where });
    const board = links.length
      ? await em.find(Meeting, { where: { municipalityId, id: In(links.map((l) => l.meetingId)) }, order: { startsAt: 'ASC', id: 'ASC' } })
      : [];
    const boardCourses = links.length ? await em.find(MeetingCourse, { where: { municipalityId, meetingId: In(board.map((m) => m.id)) } }) : [];
    const meetings: ExportMeetingDto[] = [];
    const all = [...own, ...board.filter((b) => !own.some((o) => o.id === b.id))].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    // Participants, agenda and outcomes of every meeting in one statement each, not three per meeting.
    const ofMeetings = { municipalityId, meetingId: In(all.map((m) => m.id)) };
    const [allParticipants, allAgenda, allOutcomes] = all.length
      ? await Promise.all([
          em.find(MeetingParticipant, { where: ofMeetings, order: { id: 'ASC' } }),
          em.find(AgendaItem, { where: ofMeetings, order: { position: 'ASC' } }),
          em.find(MeetingOutcome, { where: ofMeetings, order: { createdAt: 'ASC', id: 'ASC' } }),
        ])
      : [[], [], []];
    for (const m of all) {
      const several = m.courseId === null && boardCourses.filter((l) => l.meetingId === m.id).length > 1;
      const participants = allParticipants.filter((p) => p.meetingId === m.id);
      const agenda = allAgenda.filter((a) => a.meetingId === m.id);
      const outcomes = several ? [] : allOutcomes.filter((o) => o.meetingId === m.id);
      let minutes: string | Redacted | null = m.minutes;
      if (several && m.minutes !== null) minutes = stub('meeting-minutes', m.id, dateOf(m.startsAt), 'covers-several-courses');
      else if (m.minutes !== null && decide('meeting-minutes', 'meeting-minutes', m.id, null) !== 'disclosed') minutes = stub('meeting-minutes', m.id, dateOf(m.startsAt), 'review-required');
      if (!several && othersInHousehold && outcomes.length) forReview.add('meeting-outcomes');
      meetings.push({
        id: m.id,
        type: m.type,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        placeKind: m.placeKind,
        placeText: m.placeText,
        status: m.status,
        minutes,
        participants: await Promise.all(
          participants
            // On a board meeting, other citizens taking part are not shown at all.
            .filter((p) => !(several && p.kind === 'citizen' && p.citizenId !== me))
            .map(async (p) => ({
              kind: p.kind,
              you: p.kind === 'citizen' && p.citizenId === me,
              // Another household member taking part is shown as "a citizen", never by name.
              name: p.kind === 'staff' && p.staffMemberId ? await names.staff(p.staffMemberId) : p.kind === 'citizen' ? null : p.name,
              // An organisation ("Psykiatrien Nord") can say whom of the family a meeting was about.
              organisation: p.kind === 'citizen' ? null : text('participant-organisations', 'participant-organisation', p.id, null, p.organisation),
              roles: p.roles,
              attendance: p.attendance,
            })),
        ),
        agenda: several ? [] : agenda.flatMap((a) => text('meeting-agenda', 'meeting-agenda', a.id, a.concerns, a.title) ?? []),
        outcomes: othersInHousehold ? [] : outcomes.map((o) => ({ kind: o.kind, text: o.text, due: o.due })),
      });
    }

    const contacts = await em.find(Contact, { where, order: { at: 'ASC', id: 'ASC' } });
    const followUps = await em.find(FollowUp, { where, order: { dueOn: 'ASC', id: 'ASC' } });
    // An untagged follow-up of a tagged contact is decided by the contact's tag.
    const followUpView = async (f: FollowUp, contactConcerns: readonly string[] = []): Promise<ExportFollowUpDto> => ({
      id: f.id,
      text: text('follow-up-texts', 'follow-up', f.id, f.concerns.length ? f.concerns : contactConcerns, f.text),
      ownerName: await names.staff(f.ownerId),
      dueOn: f.dueOn,
      doneAt: f.doneAt ? f.doneAt.toISOString() : null,
    });
    const contactDtos: (ExportContactDto | Redacted)[] = [];
    const hiddenContacts = new Set<string>();
    for (const k of contacts) {
      if (concernsOnlyOthers(circle, k.concerns)) {
        hiddenContacts.add(k.id);
        contactDtos.push(stub('contact', k.id, k.at.toISOString()));
        continue;
      }
      contactDtos.push({
        id: k.id,
        kind: 'contact',
        date: k.at.toISOString(),
        redacted: false,
        contactKind: k.kind,
        staff: await Promise.all((k.staffMemberIds.length ? k.staffMemberIds : [k.staffMemberId]).map(async (s) => (await names.staff(s)) ?? s)),
        legalArea: k.legalArea,
        note: text('contact-notes', 'contact-note', k.id, k.concerns, k.note),
        followUps: await Promise.all(followUps.filter((f) => f.contactId === k.id).map((f) => followUpView(f, k.concerns))),
      });
    }
    // Follow-ups of a withheld contact go with it; the rest of the course's follow-ups stand alone.
    const looseFollowUps = await Promise.all(followUps.filter((f) => !f.contactId || !contacts.some((k) => k.id === f.contactId)).map((f) => followUpView(f)));

    const notes = await em.find(JournalNote, { where, order: { writtenAt: 'ASC', id: 'ASC' } });
    const noteDtos: (ExportJournalNoteDto | Redacted)[] = [];
    for (const n of notes) {
      if (concernsOnlyOthers(circle, n.concerns)) {
        noteDtos.push(stub('journal-note', n.id, n.writtenAt.toISOString()));
        continue;
      }
      noteDtos.push({
        id: n.id,
        kind: 'journal-note',
        date: n.writtenAt.toISOString(),
        redacted: false,
        legalArea: n.legalArea,
        concerns: n.concerns,
        authorName: await names.staff(n.authorId),
        text: n.text,
        correctsId: n.correctsId,
      });
    }

    const orders = await em.find(ProviderOrder, { where, order: { startsOn: 'ASC', id: 'ASC' } });
    const reports = orders.length ? await em.find(ProviderReport, { where: { municipalityId, orderId: In(orders.map((o) => o.id)) }, order: { receivedOn: 'ASC', id: 'ASC' } }) : [];
    const orderDtos: (ExportProviderOrderDto | Redacted)[] = [];
    for (const o of orders) {
      if (hiddenActions.has(o.actionId)) {
        orderDtos.push(stub('provider-order', o.id, o.startsOn));
        continue;
      }
      orderDtos.push({
        id: o.id,
        kind: 'provider-order',
        date: o.startsOn,
        redacted: false,
        actionId: o.actionId,
        purpose: o.purpose,
        providerUnit: await names.unit(o.providerUnitId),
        endsOn: o.endsOn,
        reports: reports.filter((r) => r.orderId === o.id).map((r) => ({ receivedOn: r.receivedOn, summary: r.summary })),
      });
    }

    const consentDtos: (ExportConsentDto | Redacted)[] = [];
    for (const k of consents) {
      // A consent is the member's who gave it: disclosed by the rule as an item concerning them.
      if (concernsOnlyOthers(circle, [k.citizenId])) {
        consentDtos.push(stub('consent', k.id, k.validFrom));
        continue;
      }
      consentDtos.push({
        id: k.id,
        kind: 'consent',
        date: k.validFrom,
        redacted: false,
        consentKind: k.kind,
        parties: await Promise.all(k.partyUnitIds.map(async (u) => (await names.unit(u)) ?? u)),
        purpose: k.purpose,
        categories: k.categories,
        validFrom: k.validFrom,
        validTo: k.validTo,
        form: k.form,
        witness: k.witness,
        recordedAt: k.recordedAt.toISOString(),
        revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null,
      });
    }

    // A measurement concerns the person it is about (the course's citizen, or one child): a child's is told to that
    // child and to a parent with custody, and withheld from other members; its comments go with it.
    const measurements = measured.measurements;
    const measurementDtos: (ExportMeasurementDto | Redacted)[] = [];
    for (const m of measurements) {
      const date = (m.completedAt ?? m.startedAt).toISOString();
      if (concernsOnlyOthers(circle, [m.aboutCitizenId])) {
        measurementDtos.push(stub('measurement', m.id, date));
        continue;
      }
      const def = await measured.definitionOf(m);
      const title = (id: string) => def?.subscales.find((x) => x.id === id)?.title.da ?? def?.totals?.find((x) => x.id === id)?.title.da ?? id;
      measurementDtos.push({
        id: m.id,
        kind: 'measurement',
        date,
        redacted: false,
        instrument: def?.title.da ?? m.instrumentId,
        instrumentId: m.instrumentId,
        instrumentVersion: m.instrumentVersion,
        occasion: m.occasion,
        status: m.status,
        respondentType: m.respondentType,
        aboutCitizenId: m.aboutCitizenId,
        answers: m.answers.map((a) => ({
          question: def?.items.find((i) => i.id === a.itemId)?.text.da ?? a.itemId,
          answer: def ? answerText(def, a.itemId, a) : String(a.value ?? a.text ?? a.status),
          comment: a.comment ?? null,
        })),
        comment: m.comment,
        scores: (m.scores ?? []).map((x) => ({ title: title(x.id), value: x.value, complete: x.complete })),
        skipReason: m.skipReason,
      });
    }

    // Grant reasons reach the reader through the access log (each access made through a grant carries its reason).
    const grants = await em.find(AccessGrant, { where, order: { grantedAt: 'ASC', id: 'ASC' } });
    const shownGrants = grants.filter((g) => decide('access-grant-reasons', 'grant-reason', g.id, g.concerns) === 'disclosed');

    const dto: ExportCourseDto = {
      id: c.id,
      yourRole: c.citizenId === me ? 'citizen' : 'household-member',
      targetGroup: c.targetGroup,
      modelId: c.modelId,
      status: c.status,
      referredBy: c.referredBy,
      referredOn: c.referredOn,
      referralReasonCode: c.referralReasonCode,
      referralReason: text('referral-reason', null, c.id, null, c.referralReason),
      activatedOn: c.activatedOn,
      outcomeCode: c.outcomeCode,
      outcomeText: c.outcomeText,
      endDate: c.endDate,
      retentionUntil: c.retentionUntil,
      transitions: transitions.map((t) => ({ from: t.fromStatus, to: t.toStatus, at: t.at.toISOString(), actorId: t.actorId, reason: text('transition-reasons', 'transition-reason', t.id, t.concerns, t.reason) })),
      team: await Promise.all(
        team.map(async (a) => ({
          staffMemberId: a.staffMemberId,
          staffName: (await names.staff(a.staffMemberId)) ?? '',
          role: a.role,
          startsOn: a.startsOn,
          endsOn: a.endsOn,
          handoverNote: text('handover-notes', null, a.id, null, a.handoverNote),
        })),
      ),
      consents: consentDtos,
      planVersions,
      meetings,
      contacts: contactDtos,
      followUps: looseFollowUps,
      journalNotes: noteDtos,
      providerOrders: orderDtos,
      measurements: measurementDtos,
      // The kinds still holding a withheld text, in the vocabulary's order.
      withheldForReview: [...REVIEWED_FREE_TEXTS, 'citizen-words' as const].filter((k) => forReview.has(k)),
    };
    return { dto, withheld, grants: shownGrants };
  }
}

/** Whether a log entry was made through a grant, on one course, whose reason the reader may be told. */
function grantReasonShown(l: AccessLogEntry, grants: readonly ShownGrant[]): boolean {
  if (!l.reason || !l.basis.split(',').includes('grant') || l.courseIds.length !== 1) return false;
  return grants.some((g) => g.courseId === l.courseIds[0] && g.staffMemberId === l.actorId && g.reason === l.reason);
}

/**
 * Staff and unit names (staff and units are not citizens: their names may appear). Loaded for the whole
 * municipality in one statement each, at first use: an access request names staff and units on every kind of
 * record, and a lookup per name made the export's statements grow with the case (an N+1); a municipality's
 * staff list is small next to a case's history.
 */
class Names {
  private staffNames?: Promise<Map<string, string>>;
  private unitNames?: Promise<Map<string, string>>;
  constructor(
    private readonly em: EntityManager,
    private readonly municipalityId: string,
  ) {}

  async staff(id: string): Promise<string | null> {
    this.staffNames ??= this.em
      .find(StaffMember, { where: { municipalityId: this.municipalityId }, select: { id: true, name: true } })
      .then((rows) => new Map(rows.map((r) => [r.id, r.name])));
    return (await this.staffNames).get(id) ?? null;
  }

  async unit(id: string): Promise<string | null> {
    this.unitNames ??= this.em
      .find(OrgUnit, { where: { municipalityId: this.municipalityId }, select: { id: true, name: true } })
      .then((rows) => new Map(rows.map((r) => [r.id, r.name])));
    return (await this.unitNames).get(id) ?? null;
  }
}
