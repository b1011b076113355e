import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { loadWorkflow, policyFor, PostsReader, WorkflowWriter } from '@kadens/api/posts';
import { decidePostAction } from '@kadens/shared/rules';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

const POLL_MS = 30_000;

/**
 * A post whose time has come without sign-off is not published: its targets become expired, it goes
 * back to draft and its author is told. Runs in the scheduler role; claims posts with SKIP LOCKED so
 * several schedulers share the work.
 */
@Injectable()
export class ExpiryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ExpiryService');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflow: WorkflowWriter,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.roles.includes('scheduler')) {
      this.timer = setInterval(() => void this.expireDue().catch((error: unknown) => this.logger.error(String(error))), POLL_MS);
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Expires every unapproved post due by `now`; returns how many. */
  async expireDue(now = new Date()): Promise<number> {
    let expired = 0;
    for (;;) {
      const done = await this.db.transaction(async (tx) => {
        const due = await new PostsReader(tx).lockNextDueUnapproved(now);
        if (!due) return true;
        const before = await loadWorkflow(tx, due.organization_id, due.id);
        const decision = decidePostAction(
          before,
          { type: 'expire' },
          'system',
          await policyFor(tx, due.organization_id, before.channelIds),
        );
        if (!decision.ok) throw new Error(`expiring ${due.id}: ${decision.reason}`);
        await this.workflow.apply(tx, {
          organizationId: due.organization_id,
          postId: due.id,
          action: 'expire',
          actor: 'system',
          before,
          change: decision.next,
        });
        expired += 1;
        return false;
      });
      if (done) return expired;
    }
  }
}
