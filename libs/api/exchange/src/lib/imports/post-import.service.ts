import { type PlanActor, plannedPostOf, PlanRulesService } from '@kadens/api/promises';
import { PostsService } from '@kadens/api/posts';
import {
  IMPORT_MAX_ROWS,
  type ImportIssue,
  type ImportResult,
  type ImportRowView,
  type PlanCsvColumn,
  type Violation,
} from '@kadens/shared/contracts';
import { BadRequestException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { columnOf } from '../csv/plan-csv-columns';
import { CsvUnreadable, readCsv } from '../csv/csv-read';
import { loadImportLookups } from './import-lookups';
import { type ImportDraft, importKey, type ImportLookups, readImportRow, type ReadRow } from './import-row';

const REQUIRED_COLUMNS: readonly PlanCsvColumn[] = ['title', 'channels', 'theme'];

interface Candidate extends ReadRow {
  key: string | null;
  status: ImportRowView['status'];
  postId: string | null;
}

/**
 * CSV import of a plan: a preview (`dryRun`) that stores nothing, then the import of the valid rows as
 * drafts through PostsService.create, all in one transaction. Each row's import key (post_import_rows)
 * makes a second run of the same file create nothing twice.
 */
@Injectable()
export class PostImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly posts: PostsService,
    private readonly rules: PlanRulesService,
  ) {}

  async run(organizationId: string, actor: PlanActor, bytes: Buffer, dryRun: boolean): Promise<ImportResult> {
    const { delimiter, records } = this.read(bytes);
    const [header = [], ...data] = records;
    const columns = header.map((h) => columnOf(h));
    const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
    if (missing.length > 0) {
      throw new BadRequestException({
        message: `file: the header names no ${missing.join(', ')} column`,
        code: 'import_missing_columns',
        errors: [{ field: 'file', messages: missing.map((column) => `needs a ${column} column`) }],
      });
    }
    if (data.length > IMPORT_MAX_ROWS) {
      throw new HttpException(
        {
          message: `file: at most ${IMPORT_MAX_ROWS} rows, this one has ${data.length}`,
          code: 'import_too_many_rows',
          errors: [{ field: 'file', messages: [`must have at most ${IMPORT_MAX_ROWS} rows`] }],
        },
        HttpStatus.PAYLOAD_TOO_LARGE,
      );
    }
    const headers = header.map((h, i) => ({ header: h, column: columns[i] ?? null }));
    const run = async (manager: EntityManager): Promise<ImportResult> => {
      const lookups = await loadImportLookups(manager, organizationId);
      const candidates = await this.candidates(manager, organizationId, data, columns, lookups);
      if (dryRun) await this.checkPromises(manager, organizationId, candidates, lookups);
      else await this.importValid(manager, organizationId, actor, candidates, lookups);
      return summary(dryRun, delimiter, headers, candidates);
    };
    if (dryRun) return run(this.db.manager);
    return this.db.transaction(async (tx) => {
      // One import per organisation at a time, so two runs of one file cannot both miss each other's keys.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('post-import:' || $1, 0))`, [organizationId]);
      return run(tx);
    });
  }

  private read(bytes: Buffer): ReturnType<typeof readCsv> {
    try {
      return readCsv(bytes);
    } catch (error) {
      const reason = error instanceof CsvUnreadable ? error.message : 'unreadable';
      throw new BadRequestException({
        message: `file: not a readable CSV (${reason})`,
        code: reason === 'not_utf8' ? 'import_not_utf8' : 'import_unreadable',
        errors: [{ field: 'file', messages: [reason === 'not_utf8' ? 'must be UTF-8 text' : 'must be a CSV file'] }],
      });
    }
  }

  private async candidates(
    manager: EntityManager,
    organizationId: string,
    data: string[][],
    columns: Array<PlanCsvColumn | null>,
    lookups: ImportLookups,
  ): Promise<Candidate[]> {
    const candidates: Candidate[] = data.map((record, index) => {
      const cells: Partial<Record<PlanCsvColumn, string>> = {};
      columns.forEach((column, i) => {
        if (column && cells[column] === undefined) cells[column] = record[i] ?? '';
      });
      const read = readImportRow(index + 2, cells, lookups);
      const key = read.draft ? importKey(organizationId, read.draft) : null;
      return { ...read, key, status: read.draft ? 'valid' : 'invalid', postId: null };
    });
    const keys = candidates.flatMap((c) => (c.key ? [c.key] : []));
    const existing: Array<{ import_key: string; post_id: string }> = keys.length
      ? await manager.query(`SELECT import_key, post_id FROM post_import_rows WHERE organization_id = $1 AND import_key = ANY($2)`, [
          organizationId,
          keys,
        ])
      : [];
    const imported = new Map(existing.map((row) => [row.import_key, row.post_id]));
    const firstRow = new Map<string, number>();
    for (const candidate of candidates) {
      if (!candidate.key) continue;
      const postId = imported.get(candidate.key);
      const first = firstRow.get(candidate.key);
      if (postId) Object.assign(candidate, { status: 'duplicate', postId });
      else if (first !== undefined) {
        candidate.status = 'duplicate';
        candidate.warnings.push({ column: null, code: 'import.duplicate_in_file', params: { row: first } });
      } else firstRow.set(candidate.key, candidate.row);
    }
    return candidates;
  }

  /** The preview's promise checks: what a save of each row would be told, from the same PlanRulesService. */
  private async checkPromises(manager: EntityManager, organizationId: string, candidates: Candidate[], lookups: ImportLookups) {
    for (const candidate of candidates) {
      if (candidate.status !== 'valid' || !candidate.draft?.plannedAt) continue;
      const violations = await this.rules.check(manager, organizationId, plannedPostOf(planningOf(candidate.draft)));
      if (violations.length > 0) {
        candidate.errors.push(...violations.map((v) => promiseIssue(v, lookups)));
        candidate.status = 'invalid';
      }
    }
  }

  /** Each valid row through PostsService.create in the one transaction; a row the save refuses is rolled back to its savepoint and reported. */
  private async importValid(
    tx: EntityManager,
    organizationId: string,
    actor: PlanActor,
    candidates: Candidate[],
    lookups: ImportLookups,
  ): Promise<void> {
    for (const candidate of candidates) {
      if (candidate.status !== 'valid' || !candidate.draft || !candidate.key) continue;
      await tx.query('SAVEPOINT import_row');
      try {
        const created = await this.posts.create(organizationId, actor, createInput(candidate.draft), tx);
        await tx.query(`INSERT INTO post_import_rows (organization_id, import_key, post_id, imported_by) VALUES ($1, $2, $3, $4)`, [
          organizationId,
          candidate.key,
          created.id,
          actor.user.id,
        ]);
        await tx.query('RELEASE SAVEPOINT import_row');
        Object.assign(candidate, { status: 'imported', postId: created.id });
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT import_row');
        const issues = refusalIssues(error, lookups);
        if (!issues) throw error;
        candidate.errors.push(...issues);
        candidate.status = 'invalid';
      }
    }
  }
}

function planningOf(draft: ImportDraft) {
  return {
    id: null,
    plannedAt: draft.plannedAt,
    invitesDialogue: draft.invitesDialogue,
    contentTypeId: draft.contentTypeId,
    state: 'draft' as const,
    targets: draft.channelIds.map((channelId) => ({ channelId, state: 'pending' as const })),
    ruleOverride: null,
  };
}

function createInput(draft: ImportDraft) {
  return {
    title: draft.title,
    body: draft.body,
    link: draft.link,
    mediaUrls: draft.mediaUrls,
    contentTypeId: draft.contentTypeId,
    themeId: draft.themeId,
    audienceIds: draft.audienceIds,
    plannedAt: draft.plannedAt,
    invitesDialogue: draft.invitesDialogue,
    targets: draft.channelIds.map((channelId) => ({ channelId, textVariant: null })),
  };
}

function channelName(channelId: string, lookups: ImportLookups): string {
  for (const channel of lookups.channels.values()) if (channel.id === channelId) return channel.name;
  return channelId;
}

function promiseIssue(violation: Violation, lookups: ImportLookups): ImportIssue {
  // The rule's own params plus what the web needs to word it as the composer does (wordViolation).
  const params = {
    ...violation.params,
    channel: channelName(violation.channelId, lookups),
    channelId: violation.channelId,
    at: violation.at,
  };
  return { column: 'date', code: `promise.${violation.rule}`, params };
}

/** What a refused save says, as row issues; null for anything that is not about the row (then the import fails). */
function refusalIssues(error: unknown, lookups: ImportLookups): ImportIssue[] | null {
  if (!(error instanceof HttpException)) return null;
  const body = error.getResponse() as { code?: string; violations?: Violation[]; message?: string };
  if (body.code === 'rule_violations' && body.violations) return body.violations.map((v) => promiseIssue(v, lookups));
  if (error.getStatus() === 400 || error.getStatus() === 404 || error.getStatus() === 422)
    return [{ column: null, code: 'import.refused', params: { reason: String(body.message ?? body.code ?? error.message).slice(0, 300) } }];
  return null;
}

function summary(
  dryRun: boolean,
  delimiter: ImportResult['delimiter'],
  headers: ImportResult['headers'],
  candidates: Candidate[],
): ImportResult {
  const count = (status: ImportRowView['status']) => candidates.filter((c) => c.status === status).length;
  return {
    dryRun,
    delimiter,
    headers,
    total: candidates.length,
    valid: count('valid'),
    invalid: count('invalid'),
    duplicates: count('duplicate'),
    imported: count('imported'),
    rows: candidates.map((c) => ({
      row: c.row,
      title: c.title,
      plannedAt: c.plannedAt,
      channels: c.channels,
      status: c.status,
      errors: c.errors,
      warnings: c.warnings,
      postId: c.postId,
    })),
  };
}
