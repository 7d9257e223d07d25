// In-app notifications (domain.md §5.5): an idempotent sender and each person's own inbox.
export { NotificationEntity } from './notification.entity';
export { NotificationModule } from './notification.module';
export { NotificationService, type NewNotification } from './notification.service';
