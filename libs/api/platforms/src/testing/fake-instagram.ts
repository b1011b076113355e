import { FakeFacebookLogin } from './fake-facebook-login';
import { expiredGraphToken, graphError, graphVersionIsValid } from './fake-graph-errors';
import { FakeHttpServer, type FakeReply, type ReceivedRequest } from './fake-http-server';

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface FakeContainer {
  id: string;
  params: Record<string, string>;
  status: ContainerStatus;
  /** Status reads left before IN_PROGRESS turns into `finalStatus`. */
  pollsLeft: number;
  finalStatus: ContainerStatus;
}

export interface FakeInstagramMedia {
  id: string;
  caption: string;
  mediaUrls: string[];
  mediaType: string;
  /** What `GET /{ig-media-id}/insights` reports per metric; a metric without a value answers nothing (not 0). */
  insights?: Partial<Record<string, number>>;
}

/** Media metrics Meta retired in 2025 (from v22.0, all versions from April 21, 2025). */
export const RETIRED_INSTAGRAM_MEDIA_METRICS = [
  'impressions',
  'plays',
  'clips_replays_count',
  'ig_reels_aggregated_all_plays_count',
  'video_views',
];
const INSTAGRAM_MEDIA_METRICS = [
  'views',
  'reach',
  'likes',
  'comments',
  'shares',
  'saved',
  'total_interactions',
  'follows',
  'profile_visits',
];

/**
 * An Instagram professional account on the Graph API, as documented: `POST /{ig-user}/media` makes a
 * container (`image_url` / `video_url` + `media_type`, `caption`, or a `CAROUSEL` of `children`),
 * `GET /{container}?fields=status_code` reports IN_PROGRESS → FINISHED (or ERROR), and
 * `POST /{ig-user}/media_publish?creation_id=` publishes a FINISHED container, once.
 * Results: `GET /{ig-media-id}/insights?metric=…`, refusing a retired name (code 100) as Instagram does.
 */
export class FakeInstagram {
  readonly server = new FakeHttpServer();
  readonly igUserId = '17841400000000001';
  readonly username = 'kadens_kommune';
  accessToken = 'ig-token';
  readonly containers = new Map<string, FakeContainer>();
  readonly media: FakeInstagramMedia[] = [];
  /** How many status reads a new container answers IN_PROGRESS before it is done. */
  pollsBeforeDone = 0;
  /** What a new container ends as; ERROR simulates media Instagram cannot process. */
  finalStatus: ContainerStatus = 'FINISHED';
  /** Metric names refused with code 100; a test adds one to play Meta retiring a name the adapter still asks for. */
  readonly retiredMetrics = new Set(RETIRED_INSTAGRAM_MEDIA_METRICS);
  private tokenExpired = false;
  private nextId = 90000;
  /** Facebook Login on the same server: a page linked to this account, and one without Instagram. */
  readonly login = new FakeFacebookLogin(this.server);

  constructor() {
    this.login.pages = [
      {
        id: '1234567890',
        name: 'Kadens kommune',
        accessToken: this.accessToken,
        instagram: { id: this.igUserId, username: this.username },
      },
      { id: '2233445566', name: 'Kadens bibliotek', accessToken: 'ig-library-page-token' },
    ];
    this.server.route('POST', '/:version/:igUserId/media', (request, params) =>
      this.guard(request, params, () => this.createContainer(request)),
    );
    this.server.route('POST', '/:version/:igUserId/media_publish', (request, params) =>
      this.guard(request, params, () => this.publish(request)),
    );
    this.server.route('GET', '/:version/:id/insights', (request, params) =>
      this.guard(request, { version: params['version'] ?? '' }, () => this.readInsights(request, params['id'] ?? '')),
    );
    this.server.route('GET', '/:version/:id', (request, params) => this.guard(request, params, () => this.read(request, params)));
  }

  start(): Promise<string> {
    return this.server.start();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  expireToken(): void {
    this.tokenExpired = true;
  }

  /** A published media with these insights, without the container dance (results tests). */
  addMedia(caption: string, insights: Partial<Record<string, number>>): FakeInstagramMedia {
    const media: FakeInstagramMedia = { id: String(this.nextId++), caption, mediaUrls: [], mediaType: 'IMAGE', insights };
    this.media.push(media);
    return media;
  }

  private guard(request: ReceivedRequest, params: Record<string, string>, next: () => FakeReply): FakeReply {
    if (!graphVersionIsValid(params['version'] ?? '')) return graphError(400, 2635, 'Unknown path components');
    const token = request.method === 'GET' ? request.query.get('access_token') : request.form.get('access_token');
    if (token !== this.accessToken) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (this.tokenExpired) return expiredGraphToken();
    if (params['igUserId'] !== undefined && params['igUserId'] !== this.igUserId) {
      return graphError(400, 100, `Unsupported post request. Object with ID '${params['igUserId']}' does not exist`);
    }
    return next();
  }

  private createContainer(request: ReceivedRequest): FakeReply {
    const params = Object.fromEntries(request.form.entries());
    delete params['access_token'];
    const mediaUrl = params['image_url'] ?? params['video_url'];
    if (params['media_type'] === 'CAROUSEL') {
      const children = (params['children'] ?? '').split(',');
      if (children.length < 2 || children.some((id) => this.containers.get(id)?.params['is_carousel_item'] !== 'true')) {
        return graphError(400, 100, 'Invalid parameter: children must be 2 to 10 carousel item containers');
      }
    } else if (mediaUrl === undefined) {
      return graphError(400, 100, 'The parameter image_url is required.');
    } else if (mediaUrl.includes('unreachable')) {
      return graphError(400, 9004, "Media download has failed.: The media URI doesn't meet our requirements.", {
        subcode: 2207052,
      });
    }
    const id = String(this.nextId++);
    this.containers.set(id, {
      id,
      params,
      status: this.pollsBeforeDone === 0 ? this.finalStatus : 'IN_PROGRESS',
      pollsLeft: this.pollsBeforeDone,
      finalStatus: this.finalStatus,
    });
    return { status: 200, json: { id } };
  }

  private read(request: ReceivedRequest, params: Record<string, string>): FakeReply {
    const id = params['id'] ?? '';
    const container = this.containers.get(id);
    if (container !== undefined) {
      if (container.status === 'IN_PROGRESS') {
        if (container.pollsLeft > 0) container.pollsLeft--;
        else container.status = container.finalStatus;
      }
      const detail = container.status === 'ERROR' ? 'Error: Media upload has failed with error code 2207026' : container.status;
      return { status: 200, json: { status_code: container.status, status: detail, id } };
    }
    const media = this.media.find((item) => item.id === id);
    if (media !== undefined) return { status: 200, json: { permalink: `https://www.instagram.com/p/${id}/`, id } };
    if (id === this.igUserId) return { status: 200, json: { username: this.username, id } };
    return graphError(400, 100, `Object with ID '${id}' does not exist`, { type: 'GraphMethodException' });
  }

  /**
   * `GET /{ig-media-id}/insights?metric=…`: a retired name refuses the whole request with code 100,
   * naming it as Instagram does; a metric with no data yet is left out of `data`, not answered 0.
   */
  private readInsights(request: ReceivedRequest, id: string): FakeReply {
    const media = this.media.find((item) => item.id === id);
    if (media === undefined) {
      return graphError(
        400,
        100,
        `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        {
          subcode: 33,
          type: 'GraphMethodException',
        },
      );
    }
    const metrics = (request.query.get('metric') ?? '').split(',').filter(Boolean);
    const retired = metrics.find((metric) => this.retiredMetrics.has(metric));
    if (retired !== undefined) {
      return graphError(
        400,
        100,
        `Starting from version 22 and above, the ${retired} metric is no longer supported for the queried media. Please refer to the documentation for a list of supported metrics.`,
      );
    }
    const unknown = metrics.find((metric) => !INSTAGRAM_MEDIA_METRICS.includes(metric));
    if (unknown !== undefined || metrics.length === 0) {
      return graphError(400, 100, `(#100) metric[0] must be one of the following values: ${INSTAGRAM_MEDIA_METRICS.join(', ')}`);
    }
    const insights = media.insights ?? {};
    return {
      status: 200,
      json: {
        data: metrics.flatMap((name) => {
          const value = insights[name];
          return value === undefined
            ? []
            : [{ name, period: 'lifetime', values: [{ value }], title: name, description: name, id: `${id}/insights/${name}/lifetime` }];
        }),
      },
    };
  }

  private publish(request: ReceivedRequest): FakeReply {
    const container = this.containers.get(request.form.get('creation_id') ?? '');
    if (container === undefined) return graphError(400, 100, 'Invalid parameter: creation_id');
    if (container.status !== 'FINISHED') {
      return graphError(400, 9007, 'Media ID is not available: the media is not ready for publishing', {
        subcode: 2207027,
      });
    }
    container.status = 'PUBLISHED';
    const children = container.params['children']?.split(',').map((id) => this.containers.get(id));
    const sources = children ?? [container];
    const id = String(this.nextId++);
    this.media.push({
      id,
      caption: container.params['caption'] ?? '',
      mediaUrls: sources.map((source) => source?.params['image_url'] ?? source?.params['video_url'] ?? ''),
      mediaType: container.params['media_type'] ?? 'IMAGE',
    });
    return { status: 200, json: { id } };
  }
}
