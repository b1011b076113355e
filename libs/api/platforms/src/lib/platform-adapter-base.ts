import type { OutboundClient } from '@kadens/api/outbound';
import type { Platform } from '@kadens/shared/contracts';
import type { PostContent, TextIssue } from '@kadens/shared/platform-rules';

import type {
  AccountIdentity,
  AdapterOptions,
  ChannelConnection,
  PlatformAdapter,
  PlatformCapabilities,
  PublishMedium,
  PublishRequest,
  PublishResult,
  VerifyOptions,
} from './platform-adapter';
import { assertPublishable, validateContent } from './publishable-content';

/**
 * What every adapter does the same way: validate with the platform's text rules, refuse before
 * sending what would be refused anyway, send through the injected guarded client, and read the clock
 * through an injectable `now` (for tests).
 * Each adapter adds only its own calls and error mapping.
 */
export abstract class PlatformAdapterBase implements PlatformAdapter {
  abstract readonly platform: Platform;
  abstract readonly capabilities: PlatformCapabilities;
  protected readonly now: () => number;
  /** Every request the adapter makes goes through it: nothing here calls `fetch` itself. */
  protected readonly outbound: OutboundClient;

  constructor(options: AdapterOptions) {
    this.now = options.now ?? Date.now;
    this.outbound = options.outbound;
  }

  validate(content: PostContent, connection: ChannelConnection): TextIssue[] {
    return validateContent(this.platform, this.capabilities, content, connection);
  }

  abstract publish(request: PublishRequest): Promise<PublishResult>;
  abstract verifyCredentials(connection: ChannelConnection, options?: VerifyOptions): Promise<AccountIdentity>;

  /** Throws the platform's invalid-content error, before any request, when a blocking issue remains. */
  protected assertPublishable(content: PostContent, connection: ChannelConnection, media: readonly PublishMedium[] = []): void {
    assertPublishable(this.platform, validateContent(this.platform, this.capabilities, content, connection, media));
  }
}
