import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const APPROVED = 'e2e_consent';

/**
 * The platform's consent page in front of a fake platform (libs/api/platforms/src/testing): a real local
 * HTTP server the browser is sent to. `GET <authorizePath>` shows "Authorize Kadens?" with Approve and
 * Deny buttons; the answer goes on to the fake's own authorize endpoint (which checks client, redirect
 * URI, state and PKCE and redirects back to Kadens). Every other request — the token endpoint, the
 * API — is passed through to the fake unchanged, so Kadens and the browser see one platform.
 */
export class ConsentGate {
  /** How many consent pages were shown and how they were answered. */
  readonly answers: Array<'shown' | 'approved' | 'denied'> = [];
  private server: Server | null = null;

  constructor(
    private readonly upstream: string,
    private readonly authorizePath: string,
    private readonly platformName: string,
  ) {}

  /** Listens on 127.0.0.1 (on `port` when given: the app was started pointing at it) and answers its address. */
  async start(port = 0): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch((error: unknown) => {
        response.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://gate');
    if (request.method === 'GET' && url.pathname === this.authorizePath) {
      const answer = url.searchParams.get(APPROVED);
      if (answer === null) {
        this.answers.push('shown');
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(this.consentPage(url));
        return;
      }
      url.searchParams.delete(APPROVED);
      this.answers.push(answer === 'approve' ? 'approved' : 'denied');
      if (answer !== 'approve') {
        // What a platform does when the person declines (RFC 6749 §4.1.2.1).
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('error', 'access_denied');
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        response.writeHead(302, { location: back.toString() }).end();
        return;
      }
    }
    await this.pass(request, response, `${url.pathname}${url.search}`);
  }

  private async pass(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await fetch(`${this.upstream}${path}`, {
      method: request.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      redirect: 'manual',
    });
    const body = Buffer.from(await answer.arrayBuffer());
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding', 'keep-alive'].includes(name)) out[name] = value;
    });
    response.writeHead(answer.status, out).end(body);
  }

  private consentPage(url: URL): string {
    const hidden = [...url.searchParams]
      .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
      .join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize Kadens – ${escape(this.platformName)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem">
<h1>${escape(this.platformName)}</h1>
<p>Kadens wants to publish on your behalf (scope: <code>${escape(url.searchParams.get('scope') ?? '')}</code>).</p>
<form method="get" action="${escape(this.authorizePath)}">${hidden}
<button type="submit" name="${APPROVED}" value="approve" data-testid="fake-consent-approve">Authorize</button>
<button type="submit" name="${APPROVED}" value="deny" data-testid="fake-consent-deny">Deny</button>
</form></body></html>`;
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
