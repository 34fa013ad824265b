import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageOf, PageQuery } from '@enplan/core/common';
import { INVITATION_CHANNELS, MEETING_CHANGES, OUTBOX_STATUSES, type InvitationChannel, type MeetingChange, type OutboxStatus } from '@enplan/core/meeting-rules';

const UUID_EXAMPLE = '6a1f4f0e-3c2b-4d9a-9b1e-2f7c3d4e5a60';

export class CreateInvitationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    example: UUID_EXAMPLE,
    description: 'The citizen to invite: the course’s citizen or a citizen participant of the meeting. Default: the citizen participant, else the course’s citizen.',
  })
  @IsOptional() @IsUUID()
  citizenId?: string;

  @ApiPropertyOptional({
    enum: INVITATION_CHANNELS, enumName: 'InvitationChannel',
    example: 'digital-post',
    description: 'How to send it. Default: the citizen’s preferred contact channel (phone becomes sms); required when the citizen has none.',
  })
  @IsOptional() @IsIn(INVITATION_CHANNELS)
  preferredChannel?: InvitationChannel;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE, description: 'The outbox message' })
  id: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  meetingId: string;
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE, description: 'The invited citizen' })
  citizenId: string;
  @ApiProperty({ enum: INVITATION_CHANNELS, enumName: 'InvitationChannel', example: 'digital-post' })
  channel: InvitationChannel;
  @ApiProperty({ enum: MEETING_CHANGES, enumName: 'MeetingChange', nullable: true, example: 'rescheduled', description: 'An updated invitation: the meeting was moved or cancelled; null for the first invitation' })
  change: MeetingChange | null;
  @ApiProperty({ enum: OUTBOX_STATUSES, enumName: 'OutboxStatus', example: 'pending', description: 'Delivery state in the outbox: pending until an integration has sent it' })
  status: OutboxStatus;
  @ApiProperty({ type: 'integer', example: 0, description: 'Delivery attempts so far' })
  attempts: number;
  @ApiProperty({ example: 'Invitation til planmøde mandag den 12. januar 2026 kl. 10.00' })
  subject: string;
  @ApiProperty({ example: 'Kære Anna Jensen\n\nDu er inviteret til et planmøde. …', description: 'Plain text (for SMS the whole message)' })
  text: string;
  @ApiProperty({ example: '<!doctype html><html lang="da">…</html>', description: 'The document for Digital Post and print' })
  html: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-01-05T09:00:00.000Z' })
  createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null })
  sentAt: string | null;
}

export class InvitationsQuery extends PageQuery {}

export class InvitationPageDto extends PageOf(InvitationDto, 'invitations (oldest first)') {}
