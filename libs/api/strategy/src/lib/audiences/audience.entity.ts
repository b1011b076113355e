import type { EffectPeriod } from '@kadens/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { NUMERIC_AS_NUMBER } from '../shared/numeric-column';

/** Its channels live in audience_channels, read and written beside the row. */
@Entity({ name: 'audiences' })
export class Audience {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'varchar', length: 2000 })
  description!: string;

  @Column({ name: 'communication_goal', type: 'varchar', length: 1000 })
  communicationGoal!: string;

  @Column({ name: 'effect_goal', type: 'varchar', length: 1000 })
  effectGoal!: string;

  /** The measurable target: all three set, or all three null (a CHECK holds them together). */
  @Column({ name: 'effect_metric', type: 'varchar', length: 120, nullable: true })
  effectMetric!: string | null;

  @Column({ name: 'effect_value', type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: NUMERIC_AS_NUMBER })
  effectValue!: number | null;

  @Column({ name: 'effect_period', type: 'varchar', length: 8, nullable: true })
  effectPeriod!: EffectPeriod | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
