import type { Approval, InitiativeRow, PlannedTarget } from '@kadens/shared/rules';
import type { Country, EffectPeriod, PlanItem, Platform, TargetState } from '@kadens/shared/contracts';
import type { EntityManager } from 'typeorm';

/** [fromMs, toMs): the period's local days as instants. */
export interface InstantSpan {
  from: Date;
  to: Date;
}

export interface OrganizationRow {
  timeZone: string;
  country: Country;
  capacityHoursPerWeek: number | null;
  createdAt: Date;
}

/** Reads what the evaluation is worked out from; every query is scoped to one organisation. */
export class EvaluationRows {
  constructor(private readonly manager: EntityManager) {}

  async organization(organizationId: string): Promise<OrganizationRow | null> {
    const rows: Array<{ time_zone: string; country: Country; capacity: string | null; created_at: Date }> = await this.manager.query(
      `SELECT time_zone, country, capacity_hours_per_week AS capacity, created_at FROM organizations WHERE id = $1`,
      [organizationId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      timeZone: row.time_zone,
      country: row.country,
      capacityHoursPerWeek: row.capacity === null ? null : Number(row.capacity),
      createdAt: row.created_at,
    };
  }

  async channels(organizationId: string): Promise<Array<{ id: string; name: string; platform: Platform; active: boolean }>> {
    const rows: Array<{ id: string; name: string; platform: Platform; status: string }> = await this.manager.query(
      `SELECT id, name, platform, status FROM channels WHERE organization_id = $1 ORDER BY lower(name), id`,
      [organizationId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, platform: row.platform, active: row.status === 'active' }));
  }

  /**
   * Published targets at their publishing instants: those inside the span, and per channel the last one
   * before it and the first one after it (they bound the silences at the edges).
   */
  async published(organizationId: string, span: InstantSpan): Promise<PlanItem[]> {
    const rows: Array<{ post_id: string; channel_id: string; at: Date; invites_dialogue: boolean }> = await this.manager.query(
      `SELECT p.id AS post_id, t.channel_id, t.published_at AS at, (p.invites_dialogue OR COALESCE(ct.invites_dialogue, false)) AS invites_dialogue
         FROM post_targets t
         JOIN posts p ON p.id = t.post_id
         LEFT JOIN content_types ct ON ct.id = p.content_type_id
        WHERE t.state = 'published' AND t.published_at IS NOT NULL AND t.organization_id = $1
          AND (t.published_at >= $2 AND t.published_at < $3
               OR t.id IN (SELECT edge.id FROM channels c
                             CROSS JOIN LATERAL (
                               (SELECT b.id FROM post_targets b
                                 WHERE b.channel_id = c.id AND b.state = 'published' AND b.published_at < $2
                                 ORDER BY b.published_at DESC LIMIT 1)
                               UNION ALL
                               (SELECT a.id FROM post_targets a
                                 WHERE a.channel_id = c.id AND a.state = 'published' AND a.published_at >= $3
                                 ORDER BY a.published_at LIMIT 1)) AS edge
                            WHERE c.organization_id = $1))`,
      [organizationId, span.from, span.to],
    );
    return rows.map((row) => ({
      postId: row.post_id,
      channelId: row.channel_id,
      at: row.at.toISOString(),
      invitesDialogue: row.invites_dialogue,
    }));
  }

  /** Targets of posts (not cancelled) planned inside the span. */
  async plannedTargets(organizationId: string, span: InstantSpan): Promise<PlannedTarget[]> {
    const rows: Array<{ state: TargetState; planned_at: Date; published_at: Date | null }> = await this.manager.query(
      `SELECT t.state, p.planned_at, t.published_at
         FROM post_targets t JOIN posts p ON p.id = t.post_id
        WHERE p.organization_id = $1 AND p.planned_at >= $2 AND p.planned_at < $3 AND p.state <> 'cancelled'`,
      [organizationId, span.from, span.to],
    );
    return rows.map((row) => ({
      state: row.state,
      plannedAt: row.planned_at.toISOString(),
      publishedAt: row.published_at?.toISOString() ?? null,
    }));
  }

  /** Posts that reached "approved" inside the span (from the audit log), each with the submit before it. */
  async approvals(organizationId: string, span: InstantSpan): Promise<Approval[]> {
    const rows: Array<{ approved_at: Date; submitted_at: Date | null }> = await this.manager.query(
      `SELECT a.created_at AS approved_at,
              (SELECT max(s.created_at) FROM audit_events s
                WHERE s.organization_id = a.organization_id AND s.subject_type = 'post' AND s.subject_id = a.subject_id
                  AND s.action = 'post.submit' AND s.created_at <= a.created_at) AS submitted_at
         FROM audit_events a
        WHERE a.organization_id = $1 AND a.subject_type = 'post' AND a.action = 'post.approve' AND a.after ->> 'state' = 'approved'
          AND a.created_at >= $2 AND a.created_at < $3`,
      [organizationId, span.from, span.to],
    );
    return rows.map((row) => ({ approvedAt: row.approved_at.toISOString(), submittedAt: row.submitted_at?.toISOString() ?? null }));
  }

  async changesRequested(organizationId: string, span: InstantSpan): Promise<number> {
    const [row]: Array<{ count: number }> = await this.manager.query(
      `SELECT count(*)::int AS count FROM post_reviews
        WHERE organization_id = $1 AND decision = 'changes_requested' AND created_at >= $2 AND created_at < $3`,
      [organizationId, span.from, span.to],
    );
    return row?.count ?? 0;
  }

  async audiences(
    organizationId: string,
  ): Promise<
    Array<{ id: string; name: string; effectGoal: string; target: { metric: string; value: number; period: EffectPeriod } | null }>
  > {
    const rows: Array<{
      id: string;
      name: string;
      effect_goal: string;
      effect_metric: string | null;
      effect_value: string | null;
      effect_period: EffectPeriod | null;
    }> = await this.manager.query(
      `SELECT id, name, effect_goal, effect_metric, effect_value, effect_period FROM audiences
        WHERE organization_id = $1 AND archived_at IS NULL AND (effect_goal <> '' OR effect_metric IS NOT NULL)
        ORDER BY lower(name), id`,
      [organizationId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      effectGoal: row.effect_goal,
      target:
        row.effect_metric !== null && row.effect_value !== null && row.effect_period !== null
          ? { metric: row.effect_metric, value: Number(row.effect_value), period: row.effect_period }
          : null,
    }));
  }

  /** Entered effect values of periods starting inside [from, to], by audience and period key. */
  async effectResults(organizationId: string, from: string, to: string): Promise<Map<string, Map<string, number>>> {
    const rows: Array<{ audience_id: string; period: string; value: string }> = await this.manager.query(
      `SELECT audience_id, period, value FROM audience_effect_results
        WHERE organization_id = $1 AND period_from >= $2::date AND period_from <= $3::date`,
      [organizationId, from, to],
    );
    const byAudience = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const values = byAudience.get(row.audience_id) ?? new Map<string, number>();
      values.set(row.period, Number(row.value));
      byAudience.set(row.audience_id, values);
    }
    return byAudience;
  }

  /** Active initiatives and those with posts published inside the span; and the published targets without one. */
  async initiatives(organizationId: string, span: InstantSpan): Promise<{ rows: InitiativeRow[]; withoutInitiative: number }> {
    const counts: Array<{ initiative_id: string | null; count: number }> = await this.manager.query(
      `SELECT p.initiative_id, count(*)::int AS count
         FROM post_targets t JOIN posts p ON p.id = t.post_id
        WHERE t.organization_id = $1 AND t.state = 'published' AND t.published_at >= $2 AND t.published_at < $3
        GROUP BY p.initiative_id`,
      [organizationId, span.from, span.to],
    );
    const published = new Map(counts.map((row) => [row.initiative_id, row.count]));
    const rows: Array<{ id: string; what: string; status: InitiativeRow['status']; hours_per_week: string }> = await this.manager.query(
      `SELECT id, what, status, hours_per_week FROM initiatives WHERE organization_id = $1 ORDER BY core DESC, lower(what), id`,
      [organizationId],
    );
    return {
      rows: rows
        .filter((row) => row.status === 'active' || published.has(row.id))
        .map((row) => ({
          initiativeId: row.id,
          what: row.what,
          status: row.status,
          hoursPerWeek: Number(row.hours_per_week),
          postsPublished: published.get(row.id) ?? 0,
        })),
      withoutInitiative: published.get(null) ?? 0,
    };
  }
}
