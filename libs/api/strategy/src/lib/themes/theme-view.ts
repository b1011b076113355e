import type { ThemeView } from '@kadens/shared/contracts';

import type { Theme } from './theme.entity';

export function toThemeView(theme: Theme): ThemeView {
  return {
    id: theme.id,
    name: theme.name,
    color: theme.color,
    description: theme.description,
    archived: theme.archivedAt !== null,
    createdAt: theme.createdAt.toISOString(),
  };
}
