import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export interface FakeLinkedInPost {
  urn: string;
  author: string;
  /** What the commentary shows once LinkedIn has parsed its "little text" markup. */
  shownText: string;
  rawCommentary: string;
}

const RESERVED = new Set(['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~']);

/**
 * LinkedIn's Posts API, as documented: `POST /rest/posts` with a Bearer token, `LinkedIn-Version:
 * YYYYMM` and `X-Restli-Protocol-Version: 2.0.0`; 201 with an empty body and the URN in `x-restli-id`.
 * Like LinkedIn, it cuts the shown text at the first unescaped reserved character (and shows a doubled
 * escape as a visible backslash), so a test sees exactly what escaping did.
 */
export class FakeLinkedIn {
  readonly server = new FakeHttpServer();
  readonly memberId = 'AbC123xYz';
  readonly memberName = 'Kari Nordmann';
  readonly organizationId = '98765';
  readonly organizationName = 'Kadens kommune';
  accessToken = 'li-token';
  readonly posts: FakeLinkedInPost[] = [];
  private revoked = false;
  private nextId = 7300000000000000000n;

  constructor() {
    this.server.route('POST', '/rest/posts', (request) => this.guard(request, () => this.createPost(request)));
    this.server.route('GET', '/v2/userinfo', (request) =>
      this.guard(request, () => ({
        status: 200,
        json: { sub: this.memberId, name: this.memberName, locale: { country: 'NO', language: 'nb' } },
      })),
    );
    this.server.route('GET', '/rest/organizations/:id', (request, params) =>
      this.guard(request, () =>
        params['id'] === this.organizationId
          ? { status: 200, json: { id: Number(this.organizationId), localizedName: this.organizationName } }
          : linkedinError(404, 'Organization not found', 'NOT_FOUND'),
      ),
    );
  }

  get personUrn(): string {
    return `urn:li:person:${this.memberId}`;
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  revokeToken(): void {
    this.revoked = true;
  }

  private guard(request: ReceivedRequest, next: () => FakeReply): FakeReply {
    if (request.headers['authorization'] !== `Bearer ${this.accessToken}`) {
      return linkedinError(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600);
    }
    if (this.revoked) {
      return linkedinError(401, 'The token used in the request has been revoked by the user', 'REVOKED_ACCESS_TOKEN', 65601);
    }
    if (request.path.startsWith('/rest/')) {
      if (!/^\d{6}$/.test(String(request.headers['linkedin-version']))) {
        return linkedinError(
          400,
          'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
          'VERSION_MISSING',
        );
      }
      if (request.headers['x-restli-protocol-version'] !== '2.0.0') {
        return linkedinError(400, 'Unsupported Rest.li protocol version', 'UNSUPPORTED_PROTOCOL');
      }
    }
    return next();
  }

  private createPost(request: ReceivedRequest): FakeReply {
    const body = request.json as Record<string, unknown> | undefined;
    const distribution = body?.['distribution'] as Record<string, unknown> | undefined;
    const commentary = body?.['commentary'];
    if (
      typeof commentary !== 'string' ||
      body?.['lifecycleState'] !== 'PUBLISHED' ||
      body['visibility'] !== 'PUBLIC' ||
      distribution?.['feedDistribution'] !== 'MAIN_FEED'
    ) {
      return linkedinError(422, 'ERROR :: /commentary :: field is required but not found and has no default value', 'UNPROCESSABLE_ENTITY');
    }
    if (body['author'] !== this.personUrn && body['author'] !== `urn:li:organization:${this.organizationId}`) {
      return linkedinError(403, `Not enough permissions to post as ${String(body['author'])}`, 'ACCESS_DENIED', 100);
    }
    const duplicate = this.posts.find((post) => post.rawCommentary === commentary);
    if (duplicate !== undefined) {
      return {
        status: 422,
        json: {
          errorDetailType: 'com.linkedin.common.error.BadRequest',
          message: `Content is a duplicate of ${duplicate.urn}`,
          errorDetails: {
            inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }],
          },
          status: 422,
        },
      };
    }
    const urn = `urn:li:share:${this.nextId++}`;
    this.posts.push({
      urn,
      author: body['author'] as string,
      shownText: parseLittleText(commentary),
      rawCommentary: commentary,
    });
    return { status: 201, headers: { 'x-restli-id': urn, 'x-linkedin-id': urn } };
  }
}

export function linkedinError(status: number, message: string, code: string, serviceErrorCode?: number): FakeReply {
  return { status, json: { status, code, message, ...(serviceErrorCode === undefined ? {} : { serviceErrorCode }) } };
}

/** LinkedIn's reading of commentary: `\x` shows x; an unescaped reserved character ends the text. */
function parseLittleText(commentary: string): string {
  let shown = '';
  for (let index = 0; index < commentary.length; index++) {
    const char = commentary.charAt(index);
    if (char === '\\' && index + 1 < commentary.length) shown += commentary.charAt(++index);
    else if (RESERVED.has(char)) return shown;
    else shown += char;
  }
  return shown;
}
