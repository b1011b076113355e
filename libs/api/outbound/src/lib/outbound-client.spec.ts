import type { LookupAddress } from 'node:dns';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

import { OutboundClient, type OutboundOptions } from './outbound-client';
import { OutboundRefusedError, OutboundResponseTooLargeError } from './outbound-errors';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real server on 127.0.0.1 that records what reached it; each test sets how it answers. */
class LocalServer {
  readonly paths: string[] = [];
  handler: Handler = (_req, res) => res.end('hello');
  private server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.paths.push(req.url ?? '');
      this.handler(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(host = '127.0.0.1', path = '/'): string {
    return `http://${host}:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** DNS as a test wants it: each name answers the addresses given, in turn, repeating the last. */
function playedDns(answers: Record<string, string[]>): OutboundOptions['resolve'] {
  const asked: Record<string, number> = {};
  return async (hostname) => {
    const list = answers[hostname];
    if (list === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const turn = asked[hostname] ?? 0;
    asked[hostname] = turn + 1;
    const address = list[Math.min(turn, list.length - 1)];
    return [{ address, family: address.includes(':') ? 6 : 4 } satisfies LookupAddress];
  };
}

describe('OutboundClient', () => {
  const server = new LocalServer();
  const clients: OutboundClient[] = [];
  const client = (options: OutboundOptions = {}) => {
    const made = new OutboundClient(options);
    clients.push(made);
    return made;
  };

  beforeAll(() => server.start());
  afterAll(async () => {
    await Promise.all(clients.map((made) => made.close()));
    await server.stop();
  });
  beforeEach(() => {
    server.paths.length = 0;
    server.handler = (_req, res) => res.end('hello');
  });

  const refusal = async (promise: Promise<unknown>): Promise<OutboundRefusedError> => {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OutboundRefusedError);
    return error as OutboundRefusedError;
  };

  describe('the address policy at connect time', () => {
    it('refuses a loopback address and sends nothing to it', async () => {
      const error = await refusal(client().fetch(server.url(), { method: 'POST', body: 'secret', headers: { authorization: 'Bearer t' } }));
      expect(error.message).toBe('points to a loopback address (127.0.0.1); an operator can allow it with OUTBOUND_ALLOW_HOSTS');
      expect(server.paths).toEqual([]);
    });

    it.each(['2130706433', '0x7f.1', '127.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]'])(
      'refuses %s, which is 127.0.0.1 too',
      async (host) => {
        const error = await refusal(client().fetch(`http://${host}:${server.port}/`));
        expect(error.refusal.range).toBe('loopback');
        expect(server.paths).toEqual([]);
      },
    );

    it.each([
      ['http://0.0.0.0:8080/', 'unspecified'],
      ['http://[::]:8080/', 'unspecified'],
      ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
      ['http://100.64.0.1/', 'carrierGradeNat'],
      ['http://[fd00::1]/', 'uniqueLocal'],
      ['http://224.0.0.1/', 'multicast'],
      ['http://10.0.0.1/', 'private'],
    ])('refuses %s (%s) before connecting', async (url, range) => {
      const error = await refusal(client().fetch(url, { timeoutMs: 2000 }));
      expect(error.refusal.range).toBe(range);
    });

    it('refuses a name that resolves to 127.0.0.1 (localhost)', async () => {
      const error = await refusal(client().fetch(server.url('localhost')));
      expect(error.message).toMatch(/^localhost points to a loopback address/);
      expect(server.paths).toEqual([]);
    });

    it('lets an operator allow an address, a range or a host name', async () => {
      await expect(
        client({ allowHosts: ['127.0.0.1'] })
          .fetch(server.url())
          .then((r) => r.text()),
      ).resolves.toBe('hello');
      await expect(
        client({ allowHosts: ['127.0.0.0/8'] })
          .fetch(server.url())
          .then((r) => r.status),
      ).resolves.toBe(200);
      const named = client({ allowHosts: ['wp.intranet.test'], resolve: playedDns({ 'wp.intranet.test': ['127.0.0.1'] }) });
      await expect(named.fetch(server.url('wp.intranet.test')).then((r) => r.text())).resolves.toBe('hello');
      await refusal(named.fetch(server.url()));
      expect(server.paths).toEqual(['/', '/', '/']);
    });

    it('defeats DNS rebinding: the name passed the check as public, the connection meets 127.0.0.1', async () => {
      const rebinding = client({ resolve: playedDns({ 'rebind.test': ['93.184.216.34', '127.0.0.1'] }) });
      await expect(rebinding.refusalFor(server.url('rebind.test'))).resolves.toBeNull();
      const error = await refusal(rebinding.fetch(server.url('rebind.test')));
      expect(error.refusal.address).toBe('127.0.0.1');
      expect(server.paths).toEqual([]);
    });

    it('refuses a name when any of its addresses is internal', async () => {
      const resolve: OutboundOptions['resolve'] = async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ];
      await expect(client({ resolve }).refusalFor('https://mixed.test/')).resolves.toMatchObject({ refusal: { range: 'private' } });
    });

    it('fetches only http and https', async () => {
      await expect(client().fetch('file:///etc/passwd')).rejects.toThrow(/Only http and https/);
    });
  });

  describe('redirects', () => {
    const dns = playedDns({ 'internal.test': ['10.0.0.5'] });

    it('re-checks every hop and refuses one that leads inside', async () => {
      server.handler = (req, res) => {
        if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        else if (req.url === '/to-internal') res.writeHead(307, { location: 'http://internal.test/admin' }).end();
        else res.end('final');
      };
      const allowed = client({ allowHosts: ['127.0.0.1'], resolve: dns });
      expect((await refusal(allowed.fetch(server.url('127.0.0.1', '/to-metadata')))).refusal.address).toBe('169.254.169.254');
      expect((await refusal(allowed.fetch(server.url('127.0.0.1', '/to-internal')))).message).toMatch(
        /^internal\.test points to a private address \(10\.0\.0\.5\)/,
      );
    });

    it('follows a redirect to an allowed place, and hands it back when asked to', async () => {
      server.handler = (req, res) => {
        if (req.url === '/moved') res.writeHead(301, { location: '/final' }).end();
        else res.end(`at ${req.url}`);
      };
      const allowed = client({ allowHosts: ['127.0.0.1'] });
      await expect(allowed.fetch(server.url('127.0.0.1', '/moved')).then((r) => r.text())).resolves.toBe('at /final');
      const manual = await allowed.fetch(server.url('127.0.0.1', '/moved'), { redirect: 'manual' });
      expect(manual.status).toBe(301);
      expect(manual.headers.get('location')).toBe('/final');
    });
  });

  describe('limits', () => {
    const allowed = () => client({ allowHosts: ['127.0.0.1'], maxResponseBytes: 1000 });

    it('reads an answer up to the size limit and refuses a longer one, declared or not', async () => {
      server.handler = (req, res) => {
        const size = Number(req.url?.slice(1));
        if (req.url?.startsWith('/chunked')) {
          res.write('x'.repeat(800));
          res.write('x'.repeat(800));
          res.end();
        } else res.writeHead(200, { 'content-length': String(size) }).end('x'.repeat(size));
      };
      await expect(
        allowed()
          .fetch(server.url('127.0.0.1', '/1000'))
          .then((r) => r.text()),
      ).resolves.toHaveLength(1000);
      await expect(allowed().fetch(server.url('127.0.0.1', '/1001'))).rejects.toBeInstanceOf(OutboundResponseTooLargeError);
      await expect(allowed().fetch(server.url('127.0.0.1', '/chunked'))).rejects.toBeInstanceOf(OutboundResponseTooLargeError);
      await expect(allowed().fetch(server.url('127.0.0.1', '/500'), { maxResponseBytes: 100 })).rejects.toThrow('larger than 100 bytes');
    });

    it('ends the whole exchange, body included, within the time limit', async () => {
      server.handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('.'), 50);
        res.on('close', () => clearInterval(timer));
      };
      const started = Date.now();
      const error = await allowed()
        .fetch(server.url(), { timeoutMs: 300 })
        .then(
          () => null,
          (caught: unknown) => caught as Error,
        );
      expect(error?.name).toBe('TimeoutError');
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });
  // Redirects handed back and a body in hand (every adapter's call) take undici's dispatcher API, not its
  // fetch (direct-request.ts): the same guard, limits and answer.
  describe('the direct path (redirect: manual)', () => {
    const manual = { redirect: 'manual' as const };

    it('sends the method, headers and body as fetch would, and hands back status, headers and body', async () => {
      const seen: Array<{ method?: string; type?: string; agent?: string; body: string; custom?: string }> = [];
      server.handler = (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          seen.push({
            method: req.method,
            type: req.headers['content-type'],
            agent: req.headers['user-agent'],
            body: Buffer.concat(chunks).toString(),
            custom: req.headers['x-kadens'] as string | undefined,
          });
          res
            .writeHead(201, [
              ['set-cookie', 'a=1'],
              ['set-cookie', 'b=2'],
              ['content-type', 'application/json'],
            ])
            .end('{"id":"7"}');
        });
      };
      const allowed = client({ allowHosts: ['127.0.0.1'] });
      const json = await allowed.fetch(server.url(), { ...manual, method: 'POST', headers: { 'X-Kadens': 'yes' }, body: '{"a":1}' });
      expect(json.status).toBe(201);
      expect(json.headers.get('content-type')).toBe('application/json');
      expect(json.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
      await expect(json.json()).resolves.toEqual({ id: '7' });
      await allowed.fetch(server.url(), { ...manual, method: 'POST', body: new URLSearchParams({ q: 'æ ø' }) });
      await allowed.fetch(server.url(), {
        ...manual,
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: new Uint8Array([1, 2, 3]),
      });
      expect(seen).toEqual([
        { method: 'POST', type: 'text/plain;charset=UTF-8', agent: 'undici', body: '{"a":1}', custom: 'yes' },
        { method: 'POST', type: 'application/x-www-form-urlencoded;charset=UTF-8', agent: 'undici', body: 'q=%C3%A6+%C3%B8' },
        { method: 'PUT', type: 'image/png', agent: 'undici', body: '\u0001\u0002\u0003' },
      ]);
    });

    it('decodes an answer that comes compressed although it asked for none', async () => {
      server.handler = (req, res) => {
        expect(req.headers['accept-encoding']).toBe('identity');
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' }).end(gzipSync('hei på deg'));
      };
      const answer = await client({ allowHosts: ['127.0.0.1'] }).fetch(server.url(), manual);
      expect(answer.headers.get('content-encoding')).toBeNull();
      await expect(answer.text()).resolves.toBe('hei på deg');
    });

    it('keeps the guard, the size limit and the time limit', async () => {
      await refusal(client().fetch(server.url(), manual));
      expect(server.paths).toEqual([]);
      const limited = client({ allowHosts: ['127.0.0.1'], maxResponseBytes: 1000 });
      server.handler = (req, res) => {
        if (req.url === '/chunked') {
          res.write('x'.repeat(800));
          res.end('x'.repeat(800));
        } else if (req.url === '/slow') {
          res.writeHead(200);
          const timer = setInterval(() => res.write('.'), 50);
          res.on('close', () => clearInterval(timer));
        } else res.writeHead(200, { 'content-length': '1001' }).end('x'.repeat(1001));
      };
      await expect(limited.fetch(server.url('127.0.0.1', '/declared'), manual)).rejects.toBeInstanceOf(OutboundResponseTooLargeError);
      await expect(limited.fetch(server.url('127.0.0.1', '/chunked'), manual)).rejects.toBeInstanceOf(OutboundResponseTooLargeError);
      const started = Date.now();
      const error = await limited.fetch(server.url('127.0.0.1', '/slow'), { ...manual, timeoutMs: 300 }).then(
        () => null,
        (caught: unknown) => caught as Error,
      );
      expect(error?.name).toBe('TimeoutError');
      expect(Date.now() - started).toBeLessThan(2000);
      const aborted = new AbortController();
      const pending = limited.fetch(server.url('127.0.0.1', '/slow'), { ...manual, signal: aborted.signal });
      aborted.abort(new Error('the caller gave up'));
      await expect(pending).rejects.toThrow('the caller gave up');
    });
  });
});
