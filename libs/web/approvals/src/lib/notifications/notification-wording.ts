import type { NotificationView } from '@kadens/shared/contracts';

import type { TranslatedText } from '../shared/translated-text';

/** "Eva asked for changes to “School starts”": a notification in the reader's words, by its kind. */
export function describeNotification(notification: NotificationView): TranslatedText {
  const title = notification.params['title'];
  return { key: `approvals.notifications.kinds.${notification.kind}`, params: { title: title === undefined ? '' : String(title) } };
}
