import type { ReportPostsPage, ReportSummary } from '@kadens/shared/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';

import { REPORT_CSV_OPTIONS, REPORT_POSTS_CSV_HEADER, reportPostCsvRecord } from './posts/report-posts-csv';
import { DEFAULT_POSTS_LIMIT, type ReportPostRecord, reportPostRow, reportPostsCountSql, reportPostsSql } from './posts/report-posts-sql';
import type { ReportPostsQueryDto, ReportSummaryQueryDto } from './report-query.dto';
import { reportSummary, type SummaryBody } from './summary/report-summary';
import { SUMMARY_SQL, summaryParameters } from './summary/summary-sql';

/** Rows fetched from the CSV's cursor at a time. */
const CSV_BATCH = 2_000;

@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The summary from the rollups: one statement. */
  async summary(organizationId: string, query: ReportSummaryQueryDto): Promise<ReportSummary> {
    const rows: Array<{ body: string }> = await this.db.query(SUMMARY_SQL, summaryParameters(organizationId, query));
    return reportSummary(query, JSON.parse(rows[0]?.body ?? 'null') as SummaryBody);
  }

  async posts(organizationId: string, query: ReportPostsQueryDto): Promise<ReportPostsPage> {
    const limit = query.limit ?? DEFAULT_POSTS_LIMIT;
    const offset = query.offset ?? 0;
    const page = reportPostsSql(organizationId, query, limit);
    const count = reportPostsCountSql(organizationId, query);
    const [records, [counted]]: [ReportPostRecord[], Array<{ total: number }>] = await Promise.all([
      this.db.query(page.sql, page.parameters),
      this.db.query(count.sql, count.parameters),
    ]);
    return { items: records.map(reportPostRow), total: counted?.total ?? 0, limit, offset };
  }

  /**
   * Every row the query matches (no paging) as CSV, written to `out` as it is read: a cursor in one
   * read-only transaction, a batch at a time, waiting for the client when it reads slower.
   */
  async writePostsCsv(organizationId: string, query: ReportPostsQueryDto, out: Writable): Promise<void> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`);
      const [organization]: Array<{ time_zone: string }> = await runner.query(`SELECT time_zone FROM organizations WHERE id = $1`, [
        organizationId,
      ]);
      const audiences: Array<{ id: string; name: string }> = await runner.query(
        `SELECT id, name FROM audiences WHERE organization_id = $1`,
        [organizationId],
      );
      const initiatives: Array<{ id: string; what: string }> = await runner.query(
        `SELECT id, what FROM initiatives WHERE organization_id = $1`,
        [organizationId],
      );
      const names = {
        timeZone: organization?.time_zone ?? 'UTC',
        audiences: new Map(audiences.map((a) => [a.id, a.name])),
        initiatives: new Map(initiatives.map((i) => [i.id, i.what])),
      };
      const { sql, parameters } = reportPostsSql(organizationId, query, null);
      await runner.query(`DECLARE report_posts NO SCROLL CURSOR FOR ${sql}`, parameters);
      await write(out, stringify([REPORT_POSTS_CSV_HEADER], REPORT_CSV_OPTIONS));
      for (;;) {
        const records: ReportPostRecord[] = await runner.query(`FETCH ${CSV_BATCH} FROM report_posts`);
        if (records.length === 0 || out.destroyed) break;
        const rows = records.map((record) => reportPostCsvRecord(reportPostRow(record), names));
        await write(out, stringify(rows, { ...REPORT_CSV_OPTIONS, bom: false }));
        if (records.length < CSV_BATCH) break;
      }
      await runner.query(`COMMIT`);
    } catch (error) {
      await runner.query(`ROLLBACK`).catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/** Writes a chunk, and waits when the client is slower than the database. */
function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed || out.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
