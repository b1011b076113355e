import { OutboundClient } from '@kadens/api/outbound';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { caughtError } from '../../testing/caught-error';
import { localOutbound } from '../../testing/local-outbound';
import { PlatformAmbiguousError, PlatformAuthError, PlatformTransientError } from '../platform-errors';
import { type CallEffect, httpCall } from './http-call';

/** A server whose behaviour each test sets, to reach the socket-level failures no fake platform shows. */
describe('httpCall', () => {
  let behaviour: 'reset_after_body' | 'slow' | 'redirect' | 'html' | 'huge' = 'html';
  let server: Server;
  let baseUrl: string;
  let requests = 0;
  const client = localOutbound();

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      req.resume();
      req.on('end', () => {
        if (behaviour === 'reset_after_body') req.socket.destroy();
        else if (behaviour === 'slow') setTimeout(() => res.end('{}'), 400).unref();
        else if (behaviour === 'redirect') res.writeHead(301, { location: 'https://elsewhere.example/' }).end();
        else if (behaviour === 'huge') res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(2 * 1024 * 1024));
        else res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const call = (effect: CallEffect, timeoutMs = 1000, url = `${baseUrl}/x`, through = client) =>
    httpCall(through, 'webhook', { method: 'POST', url: new URL(url), body: '{}', timeoutMs, effect });

  it('calls an address the guard refuses an auth failure that names it and the way round, and sends nothing', async () => {
    const strict = new OutboundClient();
    requests = 0;
    const error = await caughtError(call('publishes', 1000, `${baseUrl}/x`, strict), PlatformAuthError);
    expect(error.code).toBe('connection.address_refused');
    expect(error.message).toBe(
      "The connection's address is not allowed: points to a loopback address (127.0.0.1); an operator can allow it with OUTBOUND_ALLOW_HOSTS",
    );
    const mapped = await caughtError(call('none', 1000, baseUrl.replace('127.0.0.1', '[::ffff:127.0.0.1]'), strict), PlatformAuthError);
    expect(mapped.code).toBe('connection.address_refused');
    expect(requests).toBe(0);
    await strict.close();
  });

  it('stops reading an answer past the size limit: ambiguous after publishing, transient otherwise', async () => {
    behaviour = 'huge';
    const publishing = await caughtError(call('publishes'), PlatformAmbiguousError);
    expect(publishing.code).toBe('response_too_large');
    await caughtError(call('none'), PlatformTransientError);
  });

  it('calls a refused connection transient even for a publishing call: nothing left', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const error = await caughtError(call('publishes', 1000, `http://127.0.0.1:${port}/x`), PlatformTransientError);
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('calls a reset after the body was read ambiguous for a publishing call', async () => {
    behaviour = 'reset_after_body';
    await caughtError(call('publishes'), PlatformAmbiguousError);
  });

  it('calls a timeout ambiguous for a publishing call and transient for a harmless one', async () => {
    behaviour = 'slow';
    const ambiguous = await caughtError(call('publishes', 100), PlatformAmbiguousError);
    expect(ambiguous.code).toBe('timeout');
    await caughtError(call('none', 100), PlatformTransientError);
  });

  it('hands back a redirect instead of following it', async () => {
    behaviour = 'redirect';
    const response = await call('publishes');
    expect(response.status).toBe(301);
  });

  it('hands back a body that is not JSON with isJson false', async () => {
    behaviour = 'html';
    const response = await call('publishes');
    expect(response).toMatchObject({ status: 200, isJson: false, json: undefined, text: '<html></html>' });
  });
});
