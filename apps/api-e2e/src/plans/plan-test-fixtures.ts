import { DataSource } from 'typeorm';
import { Citizen } from '@enplan/core/citizens';
import { Course } from '@enplan/core/courses';
import { Municipality } from '@enplan/core/database';
import { OrgUnit, StaffMember } from '@enplan/core/organisation';
import type { TestApp } from '@enplan/core/testing';
import type { PlanContent } from '@enplan/core/plans';

/** The default test token's user, made a staff member so plans can name them. */
export const CASEWORKER_ID = '00000000-0000-4000-8000-000000000001';
export const CPR = '0101901234';

export interface PlanWorld {
  municipalityId: string;
  unitId: string;
  staffId: string;
  citizenId: string;
  courseId: string;
}

/**
 * Arranges a unit, a staff member, a citizen and an active course straight through the DataSource: the
 * plans tests should not depend on the organisation, citizens and courses APIs.
 */
export async function arrangeWorld(t: TestApp, o: { code?: string; staffId?: string; cpr?: string } = {}): Promise<PlanWorld> {
  const ds = t.app.get(DataSource);
  const { id: municipalityId } = await ds.getRepository(Municipality).findOneByOrFail({ code: o.code ?? '999' });
  const unit = await ds.getRepository(OrgUnit).save({ municipalityId, kind: 'adult-social', name: 'Socialcenter' });
  const staff = await ds
    .getRepository(StaffMember)
    .save({ id: o.staffId ?? CASEWORKER_ID, municipalityId, name: 'Mette Holm', unitId: unit.id, function: 'caseworker' });
  const citizen = await ds.getRepository(Citizen).save({ municipalityId, cpr: o.cpr ?? CPR, name: 'Anna Jensen', birthDate: '1990-01-01' });
  const course = await ds.getRepository(Course).save({
    municipalityId,
    citizenId: citizen.id,
    targetGroup: 'adults',
    modelId: 'generic',
    status: 'active',
    referredBy: 'Jobcenter, team 3',
    referredOn: '2025-12-01',
    referralReasonCode: 'multiple-complex-problems',
    referralReason: 'Flere samtidige problemer',
  });
  return { municipalityId, unitId: unit.id, staffId: staff.id, citizenId: citizen.id, courseId: course.id };
}

/** A complete, publishable content in the citizen's words. */
export function planContent(w: PlanWorld): PlanContent {
  return {
    citizenWords: {
      worries: 'At jeg ikke kan betale huslejen.',
      whatWorks: 'Jeg er god til at lave mad.',
      dreamsAndWishes: 'Et arbejde i et køkken.',
    },
    overallGoal: { text: 'Jeg vil have et job i et køkken.', citizenAgreed: true, agreedOn: '2026-01-05' },
    goals: [{ id: 'g-job', title: 'Komme i praktik i et køkken', targetDate: '2026-06-30', status: 'in-progress', concerns: [w.citizenId] }],
    actions: [
      {
        id: 'a-praktik',
        goalId: 'g-job',
        title: 'Virksomhedspraktik i kantine',
        legalBasis: 'LAB-57',
        responsible: { kind: 'unit', id: w.unitId },
        startDate: '2026-02-01',
        deadline: '2026-04-30',
        status: 'planned',
      },
    ],
    agreements: [{ id: 'ag-billet', text: 'Købe togbillet til første praktikdag', responsible: { kind: 'citizen' }, due: '2026-01-30', done: false }],
  };
}
