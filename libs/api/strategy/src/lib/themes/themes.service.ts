import { conflictOnDuplicate } from '@kadens/api/core';
import type { ThemeView } from '@kadens/shared/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { archivedAtAfter } from '../shared/archiving';
import { deleteOwned, findOwnedOrFail } from '../shared/strategy-item';
import type { CreateThemeDto, UpdateThemeDto } from './theme.dto';
import { Theme } from './theme.entity';
import { toThemeView } from './theme-view';

@Injectable()
export class ThemesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(organizationId: string, includeArchived: boolean): Promise<ThemeView[]> {
    const query = this.db
      .getRepository(Theme)
      .createQueryBuilder('theme')
      .where('theme.organization_id = :organizationId', { organizationId });
    if (!includeArchived) query.andWhere('theme.archived_at IS NULL');
    const themes = await query.orderBy('lower(theme.name)').addOrderBy('theme.id').getMany();
    return themes.map(toThemeView);
  }

  async get(organizationId: string, id: string): Promise<ThemeView> {
    return toThemeView(await findOwnedOrFail(this.db.manager, Theme, 'theme', organizationId, id));
  }

  create(organizationId: string, input: CreateThemeDto): Promise<ThemeView> {
    const repository = this.db.getRepository(Theme);
    const theme = repository.create({
      organizationId,
      name: input.name,
      color: input.color,
      description: input.description ?? '',
      archivedAt: null,
    });
    return conflictOnDuplicate(async () => toThemeView(await repository.save(theme)), 'name', 'name_taken');
  }

  async update(organizationId: string, id: string, changes: UpdateThemeDto): Promise<ThemeView> {
    const theme = await findOwnedOrFail(this.db.manager, Theme, 'theme', organizationId, id);
    theme.name = changes.name ?? theme.name;
    theme.color = changes.color ?? theme.color;
    theme.description = changes.description ?? theme.description;
    theme.archivedAt = archivedAtAfter(theme.archivedAt, changes.archived);
    return conflictOnDuplicate(async () => toThemeView(await this.db.getRepository(Theme).save(theme)), 'name', 'name_taken');
  }

  remove(organizationId: string, id: string): Promise<void> {
    return deleteOwned(this.db.manager, Theme, 'theme', organizationId, id, 'This theme is used by posts; archive it instead.');
  }
}
