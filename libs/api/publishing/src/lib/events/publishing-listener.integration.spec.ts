import type { AppConfig } from '@kadens/api/core';
import { createTestDatabase, type TestDatabase } from '@kadens/api/core/testing';
import { Logger } from '@nestjs/common';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { firstValueFrom } from 'rxjs';

import { PublishingListener } from './publishing-listener';
import type { PublishingNotification } from './publishing-notification';

/** A TCP hop in front of PostgreSQL that the test can take down and bring back, as a restart would. */
class Outage {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly upstreamPort: number,
  ) {}

  async up(): Promise<void> {
    const server = createServer((socket) => {
      const upstream = connect(this.upstreamPort, this.host);
      for (const end of [socket, upstream]) {
        this.sockets.add(end);
        end.on('close', () => this.sockets.delete(end));
        end.on('error', () => undefined);
      }
      socket.pipe(upstream).pipe(socket);
      socket.on('close', () => upstream.destroy());
      upstream.on('close', () => socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

describe('PublishingListener through a database restart', () => {
  let database: TestDatabase;
  let outage: Outage;
  let listener: PublishingListener;
  let notifier: Client;
  const received: PublishingNotification[] = [];
  const organizationId = '11111111-1111-4111-8111-111111111111';
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);

  const notifyAndReceive = async () => {
    const before = received.length;
    await notifier.query(`SELECT pg_notify('kadens_publishing_pause', $1)`, [organizationId]);
    for (let i = 0; i < 100 && received.length === before; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    return received.slice(before);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url);
    outage = new Outage(url.hostname, Number(url.port || 5432));
    await outage.up();
    url.hostname = '127.0.0.1';
    url.port = String(outage.port);
    listener = new PublishingListener({ roles: ['api'], database: { url: url.toString(), migrate: false, poolSize: 1 } } as AppConfig);
    listener.notifications$.subscribe((notification) => received.push(notification));
    notifier = new Client({ connectionString: database.url });
    await notifier.connect();
  });
  afterAll(async () => {
    await listener?.onModuleDestroy();
    await notifier?.end();
    await outage?.down();
    await database?.drop();
  });

  it('listens from bootstrap in an API process', async () => {
    listener.onApplicationBootstrap();
    await listener.ready();
    expect(await notifyAndReceive()).toEqual([{ kind: 'pause', organizationId }]);
  });

  it('says it was interrupted, keeps trying with a growing delay while the server is away, and listens again once it is back', async () => {
    const interrupted = firstValueFrom(listener.interrupted$);
    await outage.down();
    await interrupted;
    expect(listener.isListening).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Lost the connection/),
        expect.stringMatching(/^Could not listen for delivery events .*trying again in \d+ ms$/),
      ]),
    );
    await outage.up();
    await listener.ready();
    expect(listener.isListening).toBe(true);
    expect(await notifyAndReceive()).toEqual([{ kind: 'pause', organizationId }]);
  }, 20_000);

  it('closes its connection and ends every stream on shutdown', async () => {
    const interrupted = firstValueFrom(listener.interrupted$);
    await listener.onModuleDestroy();
    await interrupted;
    expect(listener.isListening).toBe(false);
    const [{ count }] = (
      await notifier.query(
        `SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'kadens-publishing-events' AND datname = current_database()`,
      )
    ).rows;
    expect(count).toBe(0);
  });
});
