import { inject, Injectable, signal } from '@angular/core';
import type { ChannelConnectionView, ConnectionTestResult, OrganizationId, SaveChannelConnectionRequest } from '@kadens/shared/contracts';
import { describeApiError } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

import { ChannelConnectionsApi } from './channel-connections.api';

/**
 * The channels' connections as the channels list shows them: null for a channel without one, absent
 * while being fetched. Fetched in one request once the channels are shown (again only for channels
 * added since); provided by the
 * channels section. Writes reject with the API's error for the editor to explain.
 */
@Injectable()
export class ChannelConnectionsStore {
  private readonly api = inject(ChannelConnectionsApi);
  private readonly notifier = inject(ProblemNotifier);

  private organizationId: OrganizationId | null = null;
  private readonly requested = new Set<string>();

  readonly byChannel = signal<ReadonlyMap<string, ChannelConnectionView | null>>(new Map());

  async load(organizationId: OrganizationId, channelIds: readonly string[]): Promise<void> {
    if (organizationId !== this.organizationId) {
      this.organizationId = organizationId;
      this.requested.clear();
      this.byChannel.set(new Map());
    }
    const missing = channelIds.filter((id) => !this.requested.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.requested.add(id);
    try {
      // One request for all of them: asking each channel would answer 404 for every unconnected one.
      const views = await this.api.list(organizationId);
      if (organizationId !== this.organizationId) return;
      const connected = new Map(views.map((view) => [view.channelId, view] as const));
      this.byChannel.update((known) => new Map([...known, ...missing.map((id) => [id, connected.get(id) ?? null] as const)]));
    } catch (error) {
      for (const id of missing) this.requested.delete(id);
      this.notifier.report(describeApiError(error));
    }
  }

  async save(organizationId: OrganizationId, channelId: string, request: SaveChannelConnectionRequest): Promise<ChannelConnectionView> {
    const saved = await this.api.save(organizationId, channelId, request);
    this.remember(organizationId, channelId, saved);
    return saved;
  }

  async remove(organizationId: OrganizationId, channelId: string): Promise<void> {
    await this.api.remove(organizationId, channelId);
    this.remember(organizationId, channelId, null);
  }

  /** Tests, then fetches the connection again: the test changed its status. */
  async test(organizationId: OrganizationId, channelId: string): Promise<ConnectionTestResult> {
    const result = await this.api.test(organizationId, channelId);
    try {
      this.remember(organizationId, channelId, await this.api.get(organizationId, channelId));
    } catch {
      // The result stands on its own; the status shown catches up on the next visit.
    }
    return result;
  }

  /** A connection stored elsewhere (a sign-in finished by picking the page to publish to). */
  put(organizationId: OrganizationId, view: ChannelConnectionView): void {
    this.remember(organizationId, view.channelId, view);
  }

  private remember(organizationId: OrganizationId, channelId: string, view: ChannelConnectionView | null): void {
    if (organizationId !== this.organizationId) return;
    this.byChannel.update((known) => new Map([...known, [channelId, view]]));
  }
}
