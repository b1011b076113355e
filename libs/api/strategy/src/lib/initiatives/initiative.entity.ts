import type { InitiativeStatus } from '@kadens/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { NUMERIC_AS_NUMBER } from '../shared/numeric-column';

/** Its channels and audiences live in initiative_channels and initiative_audiences. */
@Entity({ name: 'initiatives' })
export class Initiative {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 500 })
  what!: string;

  @Column({ type: 'varchar', length: 500 })
  outcome!: string;

  @Column({ name: 'hours_per_week', type: 'numeric', precision: 5, scale: 1, transformer: NUMERIC_AS_NUMBER })
  hoursPerWeek!: number;

  @Column({ type: 'boolean' })
  core!: boolean;

  @Column({ type: 'varchar', length: 8 })
  status!: InitiativeStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
