import { ApiProperty } from '@nestjs/swagger';
import { TEAM_ROLES, type TeamRole } from './vocabulary.js';

export class RoleCountDto {
  @ApiProperty({ enum: TEAM_ROLES, enumName: 'TeamRole', example: 'primary-contact', description: 'Role' })
  role: TeamRole;

  @ApiProperty({ type: 'integer', example: 31, description: 'Active courses on which the staff member currently holds this role' })
  activeCourses: number;
}

export class ModelCaseloadDto {
  @ApiProperty({ example: 'generic', description: 'Organisational model' })
  modelId: string;

  @ApiProperty({ type: 'integer', example: 38, description: 'Active courses of this model on which the staff member holds any current role (each course counted once)' })
  activeCourses: number;

  @ApiProperty({ type: 'integer',
    nullable: true,
    example: 45,
    description: "Target caseload per full-time staff member: the deployment's `caseloadTarget` setting for the model, else 45 for generic; null when none is set",
  })
  target: number | null;

  @ApiProperty({ type: [RoleCountDto], description: 'Active courses by role' })
  byRole: RoleCountDto[];
}

export class CaseloadDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001', description: 'Staff member id' })
  staffMemberId: string;

  @ApiProperty({ example: 1, description: "The staff member's full-time equivalent; targets are per full-time staff member" })
  fte: number;

  @ApiProperty({ type: 'integer', example: 38, description: 'Active courses across models (each course counted once)' })
  activeCourses: number;

  @ApiProperty({ type: [ModelCaseloadDto], description: 'Per model: the generic model, every model with a configured target, and every model the staff member has active courses in' })
  models: ModelCaseloadDto[];
}
