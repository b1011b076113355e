import { OutboundClient } from '@kadens/api/outbound';

/**
 * The guarded client as the adapters' tests need it: the fakes listen on 127.0.0.1, which the guard
 * refuses unless the operator allows it, so this client allows that one address and nothing else.
 */
export function localOutbound(): OutboundClient {
  return new OutboundClient({ allowHosts: ['127.0.0.1'] });
}
