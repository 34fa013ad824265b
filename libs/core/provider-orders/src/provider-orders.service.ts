import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { page, type Page, type PageQuery } from '@enplan/core/common';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import { Course } from '@enplan/core/courses';
import { DecisionAuthority, Plan, PlanVersion, type PlanAction } from '@enplan/core/plans';
import { CLOCK, type Clock } from '@enplan/shared/util';
import { danishDay, isoDay, nextReportDue } from '@enplan/core/cadence';
import { meetingsError, MeetingsService, UUID, ProviderOrder, ProviderReport } from '@enplan/core/meetings';
import type { CreateProviderOrderDto, CreateProviderReportDto, ProviderOrderDto, ProviderReportDto } from './provider-order.dto.js';

/**
 * Orders to providers for actions of the published plan, and the reports they send back. Ordering an action
 * is deciding it, so the orderer needs decision authority under its legal basis (`DecisionAuthority`). A report that
 * has not arrived by `nextReportDue` is a `provider-report-overdue` item on the work list.
 */
@Injectable()
export class ProviderOrdersService {
  constructor(
    private readonly ds: DataSource,
    private readonly meetings: MeetingsService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly decisions: DecisionAuthority,
  ) {}

  async create(p: Principal, courseId: string, dto: CreateProviderOrderDto): Promise<ProviderOrderDto> {
    if (dto.endsOn && dto.endsOn < dto.startsOn) throw meetingsError.providerOrderEndsBeforeStart();
    return this.ds.transaction(async (em) => {
      const course = await this.meetings.course(em, p, courseId);
      const actions = await this.actions(em, p.municipalityId, course.id);
      const action = actions.get(dto.actionId);
      if (!action) throw meetingsError.providerOrderActionUnknown();
      if (!(await em.exists(OrgUnit, { where: { id: dto.providerUnitId, municipalityId: p.municipalityId } }))) throw meetingsError.providerOrderUnitUnknown();
      if (dto.providerStaffId && !(await em.exists(StaffMember, { where: { id: dto.providerStaffId, unitId: dto.providerUnitId, municipalityId: p.municipalityId } }))) {
        throw meetingsError.providerOrderStaffUnknown();
      }
      if (await em.exists(ProviderOrder, { where: { courseId: course.id, actionId: dto.actionId, municipalityId: p.municipalityId } })) throw meetingsError.providerOrderDuplicate();
      // Ordering the action puts it into effect: a decision under its legal basis, by the course model's rules.
      const full = await em.findOneOrFail(Course, { where: { id: course.id, municipalityId: p.municipalityId } });
      await this.decisions.assertDecisionAuthority(em, p, full, [{ field: 'actionId', legalBasis: action.legalBasis, site: { kind: 'provider-order', actionId: action.id } }]);
      const order = await em.save(
        ProviderOrder,
        em.create(ProviderOrder, {
          municipalityId: p.municipalityId,
          courseId: course.id,
          actionId: dto.actionId,
          purpose: dto.purpose,
          providerUnitId: dto.providerUnitId,
          providerStaffId: dto.providerStaffId ?? null,
          reportEveryDays: dto.reportEveryDays,
          startsOn: dto.startsOn,
          endsOn: dto.endsOn ?? null,
          createdBy: p.userId,
        }),
      );
      return (await this.dtos(em, p.municipalityId, [order], actions))[0];
    });
  }

  async list(p: Principal, courseId: string, q: PageQuery): Promise<Page<ProviderOrderDto>> {
    const em = this.ds.manager;
    const course = await this.meetings.course(em, p, courseId);
    const [rows, total] = await em.findAndCount(ProviderOrder, {
      where: { courseId: course.id, municipalityId: p.municipalityId },
      order: { startsOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return page(await this.dtos(em, p.municipalityId, rows, await this.actions(em, p.municipalityId, course.id)), total, q);
  }

  async get(p: Principal, orderId: string): Promise<ProviderOrderDto> {
    const em = this.ds.manager;
    const order = await this.order(em, p, orderId);
    return (await this.dtos(em, p.municipalityId, [order], await this.actions(em, p.municipalityId, order.courseId)))[0];
  }

  async addReport(p: Principal, orderId: string, dto: CreateProviderReportDto): Promise<ProviderReportDto> {
    return this.ds.transaction(async (em) => {
      const order = await this.order(em, p, orderId);
      if (dto.receivedOn < order.startsOn) throw meetingsError.providerReportBeforeStart();
      if (dto.receivedOn > danishDay(this.clock.now())) throw meetingsError.providerReportInFuture();
      const r = await em.save(
        ProviderReport,
        em.create(ProviderReport, { municipalityId: p.municipalityId, orderId: order.id, receivedOn: dto.receivedOn, summary: dto.summary, createdBy: p.userId }),
      );
      return reportDto(r);
    });
  }

  async reports(p: Principal, orderId: string, q: PageQuery): Promise<Page<ProviderReportDto>> {
    const em = this.ds.manager;
    const order = await this.order(em, p, orderId);
    const [rows, total] = await em.findAndCount(ProviderReport, {
      where: { orderId: order.id, municipalityId: p.municipalityId },
      order: { receivedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return page(rows.map(reportDto), total, q);
  }

  private async order(em: EntityManager, p: Principal, orderId: string): Promise<ProviderOrder> {
    const order = UUID.test(orderId) ? await em.findOne(ProviderOrder, { where: { id: orderId, municipalityId: p.municipalityId } }) : null;
    if (!order) throw meetingsError.providerOrderNotFound();
    return order;
  }

  /** The actions of the course's current published plan version, by id. */
  private async actions(em: EntityManager, municipalityId: string, courseId: string): Promise<Map<string, PlanAction>> {
    const plan = await em.findOne(Plan, { where: { courseId, municipalityId }, select: { id: true, currentVersion: true } });
    if (!plan || plan.currentVersion === 0) return new Map();
    const v = await em.findOne(PlanVersion, { where: { planId: plan.id, municipalityId, version: plan.currentVersion }, select: { id: true, content: true } });
    return new Map((v?.content.actions ?? []).map((a) => [a.id, a]));
  }

  private async dtos(em: EntityManager, municipalityId: string, orders: ProviderOrder[], actions: Map<string, PlanAction>): Promise<ProviderOrderDto[]> {
    if (!orders.length) return [];
    const stats = await em
      .createQueryBuilder(ProviderReport, 'r')
      .select('r.order_id', 'orderId')
      .addSelect('count(*)::int', 'n')
      .addSelect('max(r.received_on)::text', 'lastOn')
      .where('r.municipality_id = :mun', { mun: municipalityId })
      .andWhere('r.order_id IN (:...ids)', { ids: orders.map((o) => o.id) })
      .groupBy('r.order_id')
      .getRawMany<{ orderId: string; n: number; lastOn: string }>();
    const by = new Map(stats.map((s) => [s.orderId, s]));
    const today = isoDay(this.clock.now());
    return orders.map((o) => {
      const s = by.get(o.id);
      const lastReportOn = s?.lastOn ?? null;
      const due = nextReportDue(o, lastReportOn);
      return {
        id: o.id,
        courseId: o.courseId,
        actionId: o.actionId,
        actionTitle: actions.get(o.actionId)?.title ?? null,
        purpose: o.purpose,
        providerUnitId: o.providerUnitId,
        providerStaffId: o.providerStaffId,
        reportEveryDays: o.reportEveryDays,
        startsOn: o.startsOn,
        endsOn: o.endsOn,
        reports: Number(s?.n ?? 0),
        lastReportOn,
        nextReportDue: due,
        reportOverdue: due !== null && due < today,
        createdBy: o.createdBy,
      };
    });
  }
}

function reportDto(r: ProviderReport): ProviderReportDto {
  return { id: r.id, orderId: r.orderId, receivedOn: r.receivedOn, summary: r.summary, createdBy: r.createdBy };
}
