import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SYNC_STATES, type SyncState } from './ledger/sync-delivery.entity.js';

export class SyncTargetDto {
  @ApiProperty({ example: 'jobcenter', description: 'The target’s id in the municipality’s configuration' })
  target: string;
  @ApiProperty({ example: 'Fasit', description: 'The target as staff know it' })
  label: string;
  @ApiProperty({ example: 'employment-plan', enum: ['archive', 'fhir', 'employment-plan', 'json-push', 'manual'] })
  kind: string;
  @ApiProperty({ enum: SYNC_STATES, example: 'delivered', description: '`pending` (not yet delivered), `delivered`, `failed` (the last attempt failed; it is tried again), `needs-manual-entry` (the target has no interface: type it in, then record it)' })
  state: SyncState;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  attempts: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-01-05T09:00:01.000Z' })
  lastAttemptAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-01-05T09:00:01.000Z' })
  deliveredAt: string | null;
  @ApiProperty({ description: 'Delivered by a person typing it in, not by enplan', example: false })
  manual: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'JP-2026-000123', description: 'Under which reference the target filed it' })
  targetReference: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP 503', description: 'Why the last attempt failed (a status or error kind, never content)' })
  lastError: string | null;
}

export class PlanVersionSyncDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 2 })
  version: number;
  @ApiProperty({ example: '2026-01-05T09:00:00.000Z' })
  publishedAt: string;
  @ApiProperty({ description: 'Every configured target reached, none by manual entry' })
  complete: boolean;
  @ApiProperty({ type: [SyncTargetDto] })
  targets: SyncTargetDto[];
}

export class DecisionSyncDto {
  @ApiProperty({ format: 'uuid' })
  decisionId: string;
  @ApiProperty({ example: 'employment', description: 'The legal area: which targets take the decision (the job centre’s system only under the employment laws)' })
  legalArea: string;
  @ApiProperty({ example: '2026-01-05T09:00:00.000Z' })
  decidedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The decision this one supersedes' })
  supersedesId: string | null;
  @ApiProperty({ description: 'Every target that takes the decision reached, none by manual entry' })
  complete: boolean;
  @ApiProperty({ type: [SyncTargetDto] })
  targets: SyncTargetDto[];
}

export class CourseSyncDto {
  @ApiProperty({ format: 'uuid' })
  courseId: string;
  @ApiProperty({ type: [PlanVersionSyncDto], description: 'Every published version, newest first' })
  planVersions: PlanVersionSyncDto[];
  @ApiProperty({ type: [DecisionSyncDto], description: 'Every decided (or notified) decision, newest first: the archive drop (letter as PDF plus metadata), the JSON push, and for a decision under the employment laws the job centre’s system' })
  decisions: DecisionSyncDto[];
}

export class ManualEntryDto {
  @ApiProperty({ example: 'JP-2026-000123', description: 'The reference the target system gave the entry (journal number, document id)', maxLength: 300 })
  @IsString() @MinLength(1) @MaxLength(300) @Matches(/^[^\p{Cc}]+$/u, { message: 'reference must be one line of text' })
  reference: string;
}

export class SyncFiguresQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'A calendar month (Danish time), YYYY-MM; default the current month' })
  @IsOptional() @IsString()
  month?: string;
}

export class SyncTargetFigureDto {
  @ApiProperty({ example: 'archive' }) target: string;
  @ApiProperty({ example: 'Acadre' }) label: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 10 }) delivered: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1 }) deliveredManually: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) failed: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) pending: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) needsManualEntry: number;
}

export class SyncFiguresDto {
  @ApiProperty({ example: '2026-01' }) month: string;
  @ApiProperty({ type: [String], example: ['archive', 'jobcenter'] }) targets: string[];
  @ApiProperty({ type: 'integer', minimum: 0, example: 12, description: 'Plan versions published in the month' }) planRevisions: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 11, description: 'Of those, the ones that reached every target without manual entry' }) reachedEveryTargetAutomatically: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, nullable: true, example: 92, description: 'The share reached automatically, as a whole percentage (null when nothing was published)' }) percent: number | null;
  @ApiProperty({ type: [SyncTargetFigureDto] }) byTarget: SyncTargetFigureDto[];
}
