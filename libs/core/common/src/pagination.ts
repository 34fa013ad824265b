import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** Query parameters shared by every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25, description: `Page size (at most ${MAX_PAGE_SIZE})` })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number = 25;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function page<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, total, limit: q.limit ?? 25, offset: q.offset ?? 0 };
}

/**
 * The OpenAPI shape of a page of `item`s. Extend it to name the schema:
 * `export class CitizenPageDto extends PageOf(CitizenSummaryDto, 'citizens') {}`.
 */
export function PageOf<T>(item: Class<T>, what = 'items'): Class<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item], description: `This page of ${what}` })
    items: T[];

    @ApiProperty({ type: 'integer', example: 1, description: `Number of ${what} matching the filter` })
    total: number;

    @ApiProperty({ type: 'integer', example: 25, description: 'Page size used' })
    limit: number;

    @ApiProperty({ type: 'integer', example: 0, description: 'Offset used' })
    offset: number;
  }
  return PageDto;
}
