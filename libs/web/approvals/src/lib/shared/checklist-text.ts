import { CHECKLIST_KEYS, type ChecklistItemView, DEFAULT_CHECKLIST } from '@kadens/shared/contracts';

import type { TranslatedText } from './translated-text';

const DEFAULT_TEXTS = new Map(DEFAULT_CHECKLIST.map((item) => [item.key, item.text]));

/**
 * A seeded checklist item is shown in the reader's language by its key, as long as it still has the
 * English text it was seeded with. Once an admin rewords it, the key stays on the item but the words
 * are the admin's own, so they are shown as written.
 */
export function checklistItemText(item: Pick<ChecklistItemView, 'key' | 'text'>): TranslatedText | string {
  if (item.key && (CHECKLIST_KEYS as readonly string[]).includes(item.key) && DEFAULT_TEXTS.get(item.key) === item.text) {
    return { key: `approvals.checklist.seeded.${item.key}` };
  }
  return item.text;
}
