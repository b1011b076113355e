import { inject, Injectable, signal } from '@angular/core';
import type { ChannelPromises, ChannelPromisesView, OrganizationId } from '@kadens/shared/contracts';
import type { ServiceContext } from '@kadens/shared/rules';
import { ChannelPromisesApi, describeApiError, OrganizationsApi } from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

/**
 * The channels' promises as the strategy page shows them, and the organisation's clock (time zone and
 * country) they are read in. Fetched only once the channels are shown, each channel's once; provided by
 * the page. Saving rejects with the API's error for the editor to explain.
 */
@Injectable()
export class ChannelPromisesStore {
  private readonly api = inject(ChannelPromisesApi);
  private readonly organizationsApi = inject(OrganizationsApi);
  private readonly notifier = inject(ProblemNotifier);

  private organizationId: OrganizationId | null = null;
  private clockRequested = false;
  private readonly requested = new Set<string>();

  /** The organisation's zone and country; null until fetched. */
  readonly clock = signal<ServiceContext | null>(null);
  readonly byChannel = signal<ReadonlyMap<string, ChannelPromisesView>>(new Map());

  /** Fetches the clock and the promises of the channels not fetched yet; a failure is reported. */
  async load(organizationId: OrganizationId, channelIds: readonly string[]): Promise<void> {
    if (organizationId !== this.organizationId) {
      this.organizationId = organizationId;
      this.requested.clear();
      this.clockRequested = false;
      this.clock.set(null);
      this.byChannel.set(new Map());
    }
    const needsClock = !this.clockRequested;
    const missing = channelIds.filter((id) => !this.requested.has(id));
    if (!needsClock && missing.length === 0) return;
    this.clockRequested = true;
    for (const id of missing) this.requested.add(id);
    try {
      const [organization, views] = await Promise.all([
        needsClock ? this.organizationsApi.get(organizationId) : null,
        Promise.all(missing.map((id) => this.api.get(organizationId, id))),
      ]);
      if (organizationId !== this.organizationId) return;
      if (organization) this.clock.set({ timeZone: organization.timeZone, country: organization.country });
      this.remember(views);
    } catch (error) {
      if (needsClock) this.clockRequested = false;
      for (const id of missing) this.requested.delete(id);
      this.notifier.report(describeApiError(error));
    }
  }

  async save(organizationId: OrganizationId, channelId: string, promises: ChannelPromises): Promise<ChannelPromisesView> {
    const saved = await this.api.replace(organizationId, channelId, promises);
    if (organizationId === this.organizationId) this.remember([saved]);
    return saved;
  }

  private remember(views: readonly ChannelPromisesView[]): void {
    if (views.length === 0) return;
    this.byChannel.update((known) => new Map([...known, ...views.map((view) => [view.channelId, view] as const)]));
  }
}
