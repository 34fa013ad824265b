import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LabelDto {
  @ApiProperty({ example: 'Opstartsmøde' })
  da: string;
  @ApiProperty({ example: 'Start-up meeting' })
  en: string;
}

export class DeploymentMunicipalityDto {
  @ApiProperty({ example: '260' })
  code: string;
  @ApiProperty({ example: 'Halsnæs Kommune' })
  name: string;
}

export class EnabledPluginDto {
  @ApiProperty({ example: 'plan-coordinator' })
  id: string;
  @ApiProperty({ example: 'Plankoordinator' })
  displayName: string;
  @ApiProperty({ example: '0.1.0' })
  version: string;
  @ApiProperty({ example: true, description: 'The plugin is an organisational model: courses may be referred with modelId = id' })
  model: boolean;
  @ApiProperty({
    example: { startUpMeetingWithinDays: 14, extraAuthorityAreas: [] },
    description: "The municipality's validated settings, defaults applied; sensitive settings show as ***",
    type: 'object',
    additionalProperties: true,
  })
  settings: Record<string, unknown>;
}

export class CaseloadPolicyDto {
  @ApiProperty({ example: 45, nullable: true, type: Number, description: 'Target active courses per full-time staff member' })
  targetPerFte: number | null;
  @ApiProperty({ example: 15, nullable: true, type: Number, description: 'Hard cap of active courses per full-time staff member (at activation and assignment)' })
  capPerFte: number | null;
  @ApiProperty({ example: ['primary-contact', 'coordinator'], type: [String], description: 'Roles the cap applies to' })
  cappedRoles: string[];
  @ApiProperty({ type: 'integer', example: 120, nullable: true, description: 'Active courses of the model the municipality takes at a time' })
  maxActiveCourses: number | null;
}

export class CadenceRuleDto {
  @ApiProperty({ example: 'start-up-within-14-days' })
  id: string;
  @ApiProperty({ example: 'start-up' })
  meetingType: string;
  @ApiProperty({ example: 'A start-up meeting within 14 days of activation' })
  description: string;
  @ApiPropertyOptional({ type: 'integer', example: 60, description: 'Repeat: at most this many days between meetings of the type' })
  everyDays?: number;
  @ApiPropertyOptional({ type: 'integer', example: 14, description: 'Once: within this many days of `of`' })
  withinDays?: number;
  @ApiPropertyOptional({ example: 'activation', enum: ['activation'] })
  of?: 'activation';
}

export class CadenceSuppressionDto {
  @ApiProperty({ example: 'plan-every-60-days' })
  rule: string;
  @ApiProperty({ example: 'Frikommuneforsøg: fritaget for kontaktforløbet (LAB kap. 7)' })
  legalReason: string;
}

export class CadencePolicyDto {
  @ApiProperty({ example: 'core-default+paired-caseworkers' })
  id: string;
  @ApiProperty({ type: [CadenceRuleDto] })
  rules: CadenceRuleDto[];
  @ApiProperty({ type: [CadenceSuppressionDto] })
  suppressions: CadenceSuppressionDto[];
}

export class CourseModelDto {
  @ApiProperty({ example: 'generic', description: 'The modelId a course is referred with' })
  id: string;
  @ApiProperty({ example: 'Generisk (kernens regler)' })
  displayName: string;
  @ApiProperty({ example: 'core', description: '`core` or the id of the plugin that provides the model' })
  source: string;
  @ApiProperty({ type: CaseloadPolicyDto })
  caseload: CaseloadPolicyDto;
  @ApiProperty({ type: CadencePolicyDto, description: 'The meetings a course of this model needs, and when' })
  cadence: CadencePolicyDto;
}

export class MeetingTypeDto {
  @ApiProperty({ example: 'start-up' })
  id: string;
  @ApiProperty({ type: LabelDto })
  label: LabelDto;
  @ApiPropertyOptional({ example: 'Tværfagligt opstartsmøde, ledet af koordinatoren' })
  description?: string;
  @ApiProperty({ example: 'core' })
  source: string;
}

export class RoleDto {
  @ApiProperty({ example: 'explorer' })
  id: string;
  @ApiProperty({ example: 'meeting', enum: ['team', 'meeting', 'plugin'] })
  kind: 'team' | 'meeting' | 'plugin';
  @ApiProperty({ type: LabelDto })
  label: LabelDto;
  @ApiPropertyOptional({ example: 'Undersøger borgerens egne ønsker på mødet' })
  description?: string;
  @ApiProperty({ example: 'paired-caseworkers' })
  source: string;
}

export class DeploymentDto {
  @ApiProperty({ type: DeploymentMunicipalityDto })
  municipality: DeploymentMunicipalityDto;
  @ApiProperty({ example: '0.1.0', description: "The application's version" })
  coreVersion: string;
  @ApiProperty({ example: '1.0.0', description: "The plugin API version plugins are checked against (each declares a range, e.g. '^1.0.0')" })
  pluginApiVersion: string;
  @ApiProperty({ type: [EnabledPluginDto], description: 'Plugins enabled for your municipality, in deployment order' })
  plugins: EnabledPluginDto[];
  @ApiProperty({ type: [CourseModelDto], description: 'Course models a referral may name: generic plus the enabled model plugins' })
  models: CourseModelDto[];
  @ApiProperty({ type: [MeetingTypeDto] })
  meetingTypes: MeetingTypeDto[];
  @ApiProperty({ type: [RoleDto] })
  roles: RoleDto[];
}
