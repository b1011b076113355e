import type { OutboundClient } from '@kadens/api/outbound';
import type { Platform } from '@kadens/shared/contracts';

import { baseUrlOf, endpoint, optionalSetting } from '../connection-fields';
import { type CallEffect, httpCall } from '../http/http-call';
import { isSuccess, successBody } from '../http/http-failure';
import type { ChannelConnection } from '../platform-adapter';
import { PlatformAuthError } from '../platform-errors';
import { graphFailure, type GraphErrorOptions } from './graph-errors';

export const GRAPH_DEFAULT_BASE_URL = 'https://graph.facebook.com';
/** Graph versions live about two years; a connection may pin another with the `graphVersion` setting. */
export const GRAPH_DEFAULT_VERSION = 'v24.0';

export interface GraphCall {
  method: 'GET' | 'POST';
  /** After the version, e.g. `/{page-id}/feed`. */
  path: string;
  params: Record<string, string>;
  accessToken: string;
  timeoutMs: number;
  effect: CallEffect;
}

/**
 * One Graph API call. The token travels as the documented `access_token` parameter: in the form body
 * of a POST, in the query of a GET. Error messages never include the URL, so it cannot leak.
 */
export async function graphCall(
  client: OutboundClient,
  platform: Platform,
  connection: ChannelConnection,
  call: GraphCall,
  errors: GraphErrorOptions = {},
): Promise<Record<string, unknown>> {
  const version = optionalSetting(connection, 'graphVersion') ?? GRAPH_DEFAULT_VERSION;
  if (!/^v\d+\.\d+$/.test(version)) {
    throw new PlatformAuthError(platform, `"${version}" is not a Graph API version`, {
      code: 'connection.invalid_setting',
    });
  }
  const base = baseUrlOf(platform, connection, GRAPH_DEFAULT_BASE_URL);
  const params = { ...call.params, access_token: call.accessToken };
  const isGet = call.method === 'GET';
  const response = await httpCall(client, platform, {
    method: call.method,
    url: endpoint(platform, base, `/${version}${call.path}`, isGet ? params : undefined),
    body: isGet ? undefined : new URLSearchParams(params),
    timeoutMs: call.timeoutMs,
    effect: call.effect,
  });
  if (!isSuccess(response)) throw graphFailure(platform, response, errors);
  return successBody(platform, response, call.effect);
}
