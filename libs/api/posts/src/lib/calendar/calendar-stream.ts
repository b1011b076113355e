import type { CalendarQuery } from '@kadens/shared/contracts';
import type { Response } from 'express';
import { type PoolClient, Query } from 'pg';
import type { DataSource } from 'typeorm';

import { CALENDAR_SQL, type CalendarPiece, calendarParameters } from './calendar-sql';

/**
 * Sends the calendar's JSON array as CALENDAR_SQL's pieces arrive (24 hours of entries each): the first
 * days are written — and compressed, on libuv's threads — while PostgreSQL still reads the last, and no
 * string of the whole range is ever built. Pieces are written in the order of their number whatever order
 * they came in. Written with `write()`, never `send()`, which would hash megabytes for an ETag nobody
 * revalidates. A failure before anything was written answers as any error does; one after it cuts the
 * answer off (the client sees an incomplete body, never a wrong one).
 */
export async function streamCalendar(db: DataSource, organizationId: string, query: CalendarQuery, response: Response): Promise<void> {
  const runner = db.createQueryRunner();
  let started = false;
  let next = 0;
  const early = new Map<number, string | null>();
  const write = (body: string | null) => {
    if (body === null) return;
    if (!started) {
      started = true;
      response.status(200).type('application/json');
      response.write(`[${body}`);
    } else response.write(`,${body}`);
  };
  try {
    const client = (await runner.connect()) as PoolClient;
    await new Promise<void>((resolve, reject) => {
      const rows = client.query(new Query<CalendarPiece>(CALENDAR_SQL, calendarParameters(organizationId, query)));
      rows.on('row', (row: CalendarPiece) => {
        early.set(row.n, row.body);
        while (early.has(next)) {
          write(early.get(next) ?? null);
          early.delete(next++);
        }
      });
      rows.on('error', reject);
      rows.on('end', () => resolve());
    });
    if (!started) response.status(200).type('application/json').end('[]');
    else response.end(']');
  } catch (error) {
    if (!started) throw error;
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  } finally {
    await runner.release();
  }
}
