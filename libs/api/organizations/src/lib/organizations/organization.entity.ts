import type { Country, Locale } from '@kadens/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 63 })
  slug!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'char', length: 2 })
  country!: Country;

  @Column({ name: 'default_locale', type: 'varchar', length: 2 })
  defaultLocale!: Locale;

  /** numeric in PostgreSQL: read back as a number, not the driver's string. */
  @Column({
    name: 'capacity_hours_per_week',
    type: 'numeric',
    precision: 6,
    scale: 1,
    nullable: true,
    transformer: { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) },
  })
  capacityHoursPerWeek!: number | null;

  /** The highest LIX the organisation's texts should have; null means the default (40). */
  @Column({ name: 'readability_target', type: 'smallint', nullable: true })
  readabilityTarget!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
