import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Principal } from '@enplan/core/auth';
import { StaffMember, organisationError } from '@enplan/core/organisation';
import { GENERIC_MODEL_ID, TEAM_ROLES, type TeamRole } from './vocabulary.js';
import type { CaseloadDto, ModelCaseloadDto } from './caseload.dto.js';
import { CourseModels } from './course-models.js';

interface CountRow {
  model_id: string;
  role: TeamRole | null;
  courses: string | number;
}

@Injectable()
export class CaseloadService {
  constructor(
    private readonly ds: DataSource,
    private readonly models: CourseModels,
  ) {}

  /** Courses count while active and the staff member's assignment is open; paused and ended ones do not. */
  async forStaff(p: Principal, staffMemberId: string): Promise<CaseloadDto> {
    const staff = isUUID(staffMemberId)
      ? await this.ds.getRepository(StaffMember).findOne({ where: { id: staffMemberId, municipalityId: p.municipalityId }, select: { id: true, fte: true } })
      : null;
    if (!staff) throw organisationError.staffNotFound();
    // GROUPING SETS: per (model, role) and per model alone (role null), so a course held in two roles counts once.
    const rows: CountRow[] = await this.ds.query(
      `SELECT c.model_id, a.role, COUNT(DISTINCT c.id) AS courses
         FROM team_assignment a JOIN course c ON c.id = a.course_id
        WHERE a.municipality_id = $1 AND c.municipality_id = $1 AND a.staff_member_id = $2
          AND a.ends_on IS NULL AND c.status = 'active'
        GROUP BY GROUPING SETS ((c.model_id, a.role), (c.model_id))`,
      [p.municipalityId, staff.id],
    );
    const modelIds = new Set([GENERIC_MODEL_ID, ...this.models.modelsWithCaseloadTarget(p.municipalityCode), ...rows.map((r) => r.model_id)]);
    const models: ModelCaseloadDto[] = [...modelIds].sort().map((modelId) => {
      const mine = rows.filter((r) => r.model_id === modelId);
      return {
        modelId,
        activeCourses: Number(mine.find((r) => r.role === null)?.courses ?? 0),
        target: this.models.caseloadTarget(p.municipalityCode, modelId),
        byRole: mine
          .filter((r): r is CountRow & { role: TeamRole } => r.role !== null)
          .sort((a, b) => TEAM_ROLES.indexOf(a.role) - TEAM_ROLES.indexOf(b.role))
          .map((r) => ({ role: r.role, activeCourses: Number(r.courses) })),
      };
    });
    return { staffMemberId: staff.id, fte: Number(staff.fte), activeCourses: models.reduce((n, m) => n + m.activeCourses, 0), models };
  }
}
