export { AllowList, allowListEntryProblem, type AddressRefusal, refusedAddress } from './lib/address-policy';
export { type Resolver, systemResolver } from './lib/guarded-connector';
export {
  OUTBOUND_DEFAULT_MAX_RESPONSE_BYTES,
  OUTBOUND_DEFAULT_TIMEOUT_MS,
  OUTBOUND_MAX_TIMEOUT_MS,
  OutboundClient,
  type OutboundLimits,
  type OutboundOptions,
  type OutboundRequestInit,
} from './lib/outbound-client';
export {
  OUTBOUND_ALLOW_HOSTS,
  outboundRefusalOf,
  OutboundRefusedError,
  OutboundResponseTooLargeError,
  responseTooLargeOf,
} from './lib/outbound-errors';
export { OutboundModule } from './lib/outbound.module';
export {
  fetchLinkPreview,
  LINK_PREVIEW_MAX_HTML_BYTES,
  LinkPreviewError,
  type LinkPreviewFailureCode,
  type LinkPreviewLimits,
} from './lib/link-preview/fetch-link-preview';
export { absoluteHttpUrl, declaredCharset, readPageMeta } from './lib/link-preview/page-meta';
