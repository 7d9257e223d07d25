import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '@varna/core';

export class ListNotificationsQueryDto extends PageQuery(50, 500) {
  @ApiPropertyOptional({ description: 'Only notifications not yet read' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'OBLIGATION_HALF' }) kind: string;
  @ApiProperty({ example: 'Incident' }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty() text: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '/incidenter/5f0c…',
    description: 'The web page of the object, app-relative; null when the notification names none',
  })
  link: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) readAt: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: NotificationDto, isArray: true }) items: NotificationDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Unread notifications of the caller, whatever the filter' }) unread: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class NotificationReadAllDto {
  @ApiProperty({ description: 'How many unread notifications of the caller were marked read' })
  marked: number;
}
