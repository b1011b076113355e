import type { OutboundClient } from '@kadens/api/outbound';

import { baseUrlOf, endpoint, optionalSetting, requireCredential, requireSetting } from '../connection-fields';
import { httpCall } from '../http/http-call';
import { isRecord, isSuccess, successBody } from '../http/http-failure';
import { countAt, knownNumbers } from '../metrics-numbers';
import type { MetricsReading, MetricsRequest } from '../platform-adapter';
import { linkedinFailure } from './linkedin-errors';

export interface LinkedInApi {
  client: OutboundClient;
  baseUrl: string;
  version: string;
  now: number;
}

/**
 * An organisation page post's lifetime statistics (issue 13), from
 * `GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity={org}&shares=List({urn})`
 * (`ugcPosts=List(…)` for a `urn:li:ugcPost:`; needs `r_organization_social`;
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics):
 * `totalShareStatistics.impressionCount` → views, `uniqueImpressionsCount` → reach, `clickCount` →
 * clicks, `likeCount` → reactions, `commentCount` → comments, `shareCount` → shares.
 *
 * Rest.li 2.0 wants `List(…)` literally, with only the URN inside percent-encoded, so the query is
 * written by hand. A member's own post (`urn:li:person:` author) has no share statistics in this API:
 * the reading is empty and says so in `missing`. A post with no statistics yet (or deleted) answers no
 * element; that reads as nothing known, not as zeros.
 */
export async function readLinkedInMetrics(
  api: LinkedInApi,
  { externalId, connection, timeoutMs }: MetricsRequest,
): Promise<MetricsReading> {
  const author = requireSetting('linkedin', connection, 'authorUrn');
  if (!author.startsWith('urn:li:organization:')) {
    return {
      numbers: {},
      raw: null,
      missing: [{ metric: 'shareStatistics', reason: `LinkedIn gives share statistics for organisation pages only, not for ${author}` }],
    };
  }
  const list = externalId.startsWith('urn:li:ugcPost:') ? 'ugcPosts' : 'shares';
  const url = endpoint('linkedin', baseUrlOf('linkedin', connection, api.baseUrl), '/rest/organizationalEntityShareStatistics');
  url.search = `q=organizationalEntity&organizationalEntity=${encodeURIComponent(author)}&${list}=List(${encodeURIComponent(externalId)})`;
  const response = await httpCall(api.client, 'linkedin', {
    method: 'GET',
    url,
    headers: {
      authorization: `Bearer ${requireCredential('linkedin', connection, 'accessToken')}`,
      'linkedin-version': optionalSetting(connection, 'linkedinVersion') ?? api.version,
      'x-restli-protocol-version': '2.0.0',
    },
    timeoutMs,
    effect: 'none',
  });
  if (!isSuccess(response)) throw linkedinFailure(response, api.now);
  const body = successBody('linkedin', response, 'none');
  const elements = Array.isArray(body['elements']) ? body['elements'] : [];
  const element: unknown = elements.find((candidate) => isRecord(candidate) && (candidate['share'] ?? candidate['ugcPost']) === externalId);
  const statistics = isRecord(element) ? element['totalShareStatistics'] : undefined;
  const numbers = knownNumbers({
    views: countAt(statistics, 'impressionCount'),
    reach: countAt(statistics, 'uniqueImpressionsCount'),
    clicks: countAt(statistics, 'clickCount'),
    reactions: countAt(statistics, 'likeCount'),
    comments: countAt(statistics, 'commentCount'),
    shares: countAt(statistics, 'shareCount'),
  });
  return {
    numbers,
    raw: isRecord(element) ? element : { elements: [] },
    ...(isRecord(statistics)
      ? {}
      : { missing: [{ metric: 'totalShareStatistics', reason: `LinkedIn has no statistics for ${externalId} (yet)` }] }),
  };
}
