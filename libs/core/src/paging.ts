import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * `limit` and `offset` of a list endpoint, validated the same way everywhere. List query DTOs extend
 * `PageQuery(defaultLimit, maxLimit)`; services read `limit ?? defaultLimit`.
 */
export function PageQuery(defaultLimit: number, maxLimit: number) {
  class PageQueryDto {
    static readonly defaultLimit = defaultLimit;

    @ApiPropertyOptional({ default: defaultLimit, maximum: maxLimit })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxLimit)
    limit?: number;

    @ApiPropertyOptional({ default: 0 })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(0)
    offset?: number;
  }
  return PageQueryDto;
}
