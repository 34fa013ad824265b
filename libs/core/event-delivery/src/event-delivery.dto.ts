import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageOf, PageQuery } from '@enplan/core/common';
import { DELIVERY_STATUSES, DELIVERY_TARGET_KINDS, DOMAIN_EVENT_TYPES, type DeliveryStatus } from '@enplan/core/events';

const UUID_EXAMPLE = '00000000-0000-4000-8000-000000000001';

export class EventsQuery {
  @ApiPropertyOptional({ example: '0', description: 'The cursor of the last event you processed (`next` of the previous page); absent or 0: from the start' })
  @IsOptional() @IsString() @MaxLength(20)
  after?: string;

  @ApiPropertyOptional({ example: 100, description: 'At most this many events (1–500, default 100)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class DomainEventDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty({ example: '42', description: "The event's cursor: strictly increasing within the feed" })
  cursor: string;
  @ApiProperty({ enum: DOMAIN_EVENT_TYPES, example: 'plan.version-published' })
  type: string;
  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { courseId: UUID_EXAMPLE, version: 3 }, description: 'Record ids and kinds only, never personal content' })
  data: Record<string, string | number | null>;
}

export class EventFeedDto {
  @ApiProperty({ type: [DomainEventDto] })
  events: DomainEventDto[];
  @ApiProperty({ example: '42', description: 'Pass as `after` to read on (the same cursor again when nothing new has arrived)' })
  next: string;
  @ApiProperty({ description: 'More events are waiting: read again at once' })
  hasMore: boolean;
}

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://integration.kommune.dk/enplan/events' })
  @IsString() @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ enum: DOMAIN_EVENT_TYPES, isArray: true, description: 'Only these event types (absent or empty: every type)' })
  @IsOptional() @IsArray() @ArrayMaxSize(DOMAIN_EVENT_TYPES.length) @IsString({ each: true })
  eventTypes?: string[];
}

export class RotateSecretDto {
  @ApiPropertyOptional({ example: 24, description: 'Hours the previous secret stays valid and is signed with (default ENPLAN_WEBHOOK_SECRET_OVERLAP_HOURS)' })
  @IsOptional() @IsInt() @Min(0) @Max(720)
  overlapHours?: number;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;
  @ApiProperty()
  url: string;
  @ApiProperty({ enum: DOMAIN_EVENT_TYPES, isArray: true })
  eventTypes: string[];
  @ApiProperty()
  active: boolean;
  @ApiProperty({ example: 'whsec_AbC…', description: 'The start of the current secret, to tell secrets apart' })
  secretHint: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Until when the previous secret is still signed with' })
  previousSecretUntil: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Shown once: keep it in your receiver to verify signatures' })
  secret: string;
}

export class DeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, example: 'dead', description: 'Only deliveries in this status (default dead)' })
  @IsOptional() @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only deliveries of this event' })
  @IsOptional() @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  eventId?: string;
}

export class EventDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also the idempotency key the target sees (`webhook-id: msg_<id>`)' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ enum: DOMAIN_EVENT_TYPES })
  eventType: string;
  @ApiProperty({ enum: DELIVERY_TARGET_KINDS })
  targetKind: string;
  @ApiProperty({ example: 'archive-drop/esdh', description: "The webhook's id or the adapter's `<plugin>/<adapter>` key" })
  targetId: string;
  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;
  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts: number;
  @ApiProperty({ format: 'date-time' })
  nextAttemptAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  lastAttemptAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed (a status code or the adapter’s message)' })
  lastError: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  deliveredAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  targetReference: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  deadAt: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 })
  replays: number;
}

export class EventDeliveryPageDto extends PageOf(EventDeliveryDto, 'deliveries (oldest first)') {}

export class WebhooksQuery extends PageQuery {}

export class WebhookPageDto extends PageOf(WebhookDto, 'active webhooks (oldest first; secrets are never listed)') {}
