import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal, type Principal } from '@varna/authz';
import { UUID_PARAM } from '@varna/core';
import {
  ListNotificationsQueryDto,
  NotificationDto,
  NotificationListDto,
  NotificationReadAllDto,
} from './dto/notification.dto';
import type { NotificationEntity } from './notification.entity';
import { NotificationService } from './notification.service';

function toNotificationDto(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    subjectType: n.subjectType,
    subjectId: n.subjectId,
    text: n.text,
    link: n.link,
    createdAt: n.notifiedAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

/** The caller's own in-app notifications (§5.5). */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Can('read', 'Notification')
  @ApiOkResponse({ type: NotificationListDto })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query() query: ListNotificationsQueryDto,
  ): Promise<NotificationListDto> {
    const page = await this.notifications.listOwn(p, query);
    return { ...page, items: page.items.map(toNotificationDto) };
  }

  /** Marks all of the caller's unread notifications read (own notifications only). */
  @Post('read-all')
  @HttpCode(200)
  @Can('update', 'Notification')
  @ApiOkResponse({ type: NotificationReadAllDto })
  async readAll(@CurrentPrincipal() p: Principal): Promise<NotificationReadAllDto> {
    return { marked: await this.notifications.markAllRead(p) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @Can('update', 'Notification')
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse()
  async read(
    @CurrentPrincipal() p: Principal,
    @Param('id', UUID_PARAM) id: string,
  ): Promise<NotificationDto> {
    return toNotificationDto(await this.notifications.markRead(p, id));
  }
}
