import type { StrategyWorkload } from '@kadens/shared/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Sums as numeric text, straight from PostgreSQL, so tenths add up exactly. */
interface WorkloadRow {
  capacity: string | null;
  active: string;
  core: string;
  idea: string;
}

@Injectable()
export class WorkloadService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** What the active initiatives cost per week against the organisation's stated capacity. */
  async get(organizationId: string): Promise<StrategyWorkload> {
    const rows: WorkloadRow[] = await this.db.query(
      `SELECT o.capacity_hours_per_week AS capacity,
              coalesce(sum(i.hours_per_week) FILTER (WHERE i.status = 'active'), 0) AS active,
              coalesce(sum(i.hours_per_week) FILTER (WHERE i.status = 'active' AND i.core), 0) AS core,
              coalesce(sum(i.hours_per_week) FILTER (WHERE i.status = 'idea'), 0) AS idea
         FROM organizations o LEFT JOIN initiatives i ON i.organization_id = o.id
        WHERE o.id = $1
        GROUP BY o.id`,
      [organizationId],
    );
    const row = rows[0] ?? { capacity: null, active: '0', core: '0', idea: '0' };
    const capacity = row.capacity === null ? null : Number(row.capacity);
    const active = Number(row.active);
    return {
      capacityHoursPerWeek: capacity,
      activeHoursPerWeek: active,
      coreHoursPerWeek: Number(row.core),
      ideaHoursPerWeek: Number(row.idea),
      overCapacity: capacity !== null && active > capacity,
    };
  }
}
