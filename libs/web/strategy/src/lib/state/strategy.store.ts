import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  AudienceInput,
  AudienceView,
  ChannelInput,
  ChannelView,
  InitiativeInput,
  InitiativeView,
  MemberView,
  OrganizationId,
  StrategyWorkload,
  ThemeInput,
  ThemeView,
} from '@kadens/shared/contracts';
import { hasPermission } from '@kadens/shared/rules';
import {
  ActiveOrganization,
  AudiencesApi,
  ChannelsApi,
  describeApiError,
  InitiativesApi,
  OrganizationsApi,
  ThemesApi,
} from '@kadens/web/data-access';
import { ProblemNotifier } from '@kadens/web/ui';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
const byCreation = (a: InitiativeView, b: InitiativeView) => a.createdAt.localeCompare(b.createdAt);

function upsert<T extends { id: string }>(items: readonly T[], item: T, order: (a: T, b: T) => number): T[] {
  return [...items.filter((existing) => existing.id !== item.id), item].sort(order);
}

/**
 * The active organisation's strategy as the strategy page shows it: themes, audiences, channels,
 * initiatives, what the initiatives cost, and the members who can answer for a channel. Provided by the
 * page, so it lives as long as the page. Writes reject with the API's error for the caller to explain.
 */
@Injectable()
export class StrategyStore {
  private readonly activeOrganization = inject(ActiveOrganization);
  private readonly themesApi = inject(ThemesApi);
  private readonly audiencesApi = inject(AudiencesApi);
  private readonly channelsApi = inject(ChannelsApi);
  private readonly initiativesApi = inject(InitiativesApi);
  private readonly organizationsApi = inject(OrganizationsApi);
  private readonly notifier = inject(ProblemNotifier);

  readonly organizationId = this.activeOrganization.organizationId;
  readonly canEdit = computed(() => hasPermission(this.activeOrganization.role(), 'strategy.edit'));
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly themes = signal<ThemeView[]>([]);
  readonly audiences = signal<AudienceView[]>([]);
  readonly channels = signal<ChannelView[]>([]);
  readonly initiatives = signal<InitiativeView[]>([]);
  readonly workload = signal<StrategyWorkload | null>(null);
  readonly members = signal<MemberView[]>([]);

  readonly channelsById = computed(() => new Map(this.channels().map((channel) => [channel.id, channel])));
  readonly audiencesById = computed(() => new Map(this.audiences().map((audience) => [audience.id, audience])));

  async load(organizationId: OrganizationId): Promise<void> {
    this.loading.set(true);
    try {
      // Archived audiences too: older initiatives may still be for them.
      const [themes, audiences, channels, initiatives, workload, members] = await Promise.all([
        this.themesApi.list(organizationId, true),
        this.audiencesApi.list(organizationId, true),
        this.channelsApi.list(organizationId),
        this.initiativesApi.list(organizationId),
        this.initiativesApi.workload(organizationId),
        this.organizationsApi.listMembers(organizationId),
      ]);
      if (this.organizationId() !== organizationId) return;
      this.themes.set(themes);
      this.audiences.set(audiences);
      this.channels.set(channels);
      this.initiatives.set(initiatives);
      this.workload.set(workload);
      this.members.set(members);
      this.loaded.set(true);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  async saveTheme(id: string | null, input: ThemeInput): Promise<ThemeView> {
    const organizationId = this.requireOrganization();
    const theme = id ? await this.themesApi.update(organizationId, id, input) : await this.themesApi.create(organizationId, input);
    this.themes.update((themes) => upsert(themes, theme, byName));
    return theme;
  }

  async archiveTheme(theme: ThemeView, archived: boolean): Promise<ThemeView> {
    const updated = await this.themesApi.update(this.requireOrganization(), theme.id, { archived });
    this.themes.update((themes) => upsert(themes, updated, byName));
    return updated;
  }

  async deleteTheme(theme: ThemeView): Promise<void> {
    await this.themesApi.remove(this.requireOrganization(), theme.id);
    this.themes.update((themes) => themes.filter((existing) => existing.id !== theme.id));
  }

  async saveAudience(id: string | null, input: AudienceInput): Promise<AudienceView> {
    const organizationId = this.requireOrganization();
    const audience = id ? await this.audiencesApi.update(organizationId, id, input) : await this.audiencesApi.create(organizationId, input);
    this.audiences.update((audiences) => upsert(audiences, audience, byName));
    return audience;
  }

  async archiveAudience(audience: AudienceView, archived: boolean): Promise<AudienceView> {
    const updated = await this.audiencesApi.update(this.requireOrganization(), audience.id, { archived });
    this.audiences.update((audiences) => upsert(audiences, updated, byName));
    return updated;
  }

  async deleteAudience(audience: AudienceView): Promise<void> {
    await this.audiencesApi.remove(this.requireOrganization(), audience.id);
    this.audiences.update((audiences) => audiences.filter((existing) => existing.id !== audience.id));
  }

  async saveChannel(id: string | null, input: ChannelInput): Promise<ChannelView> {
    const organizationId = this.requireOrganization();
    const { platform, ...changes } = input;
    const channel = id
      ? await this.channelsApi.update(organizationId, id, changes)
      : await this.channelsApi.create(organizationId, { platform, ...changes });
    this.channels.update((channels) => upsert(channels, channel, byName));
    return channel;
  }

  async pauseChannel(channel: ChannelView): Promise<ChannelView> {
    const updated = await this.channelsApi.update(this.requireOrganization(), channel.id, { status: 'paused' });
    this.channels.update((channels) => upsert(channels, updated, byName));
    return updated;
  }

  async deleteChannel(channel: ChannelView): Promise<void> {
    await this.channelsApi.remove(this.requireOrganization(), channel.id);
    this.channels.update((channels) => channels.filter((existing) => existing.id !== channel.id));
    // Audiences merely stop listing a deleted channel; the API has already let go of it.
    this.audiences.update((audiences) =>
      audiences.map((audience) => ({ ...audience, channelIds: audience.channelIds.filter((id) => id !== channel.id) })),
    );
  }

  async saveInitiative(id: string | null, input: InitiativeInput): Promise<InitiativeView> {
    const organizationId = this.requireOrganization();
    const initiative = id
      ? await this.initiativesApi.update(organizationId, id, input)
      : await this.initiativesApi.create(organizationId, input);
    this.initiatives.update((initiatives) => upsert(initiatives, initiative, byCreation));
    await this.refreshWorkload(organizationId);
    return initiative;
  }

  async dropInitiative(initiative: InitiativeView): Promise<InitiativeView> {
    const organizationId = this.requireOrganization();
    const dropped = await this.initiativesApi.update(organizationId, initiative.id, { status: 'dropped' });
    this.initiatives.update((initiatives) => upsert(initiatives, dropped, byCreation));
    await this.refreshWorkload(organizationId);
    return dropped;
  }

  async deleteInitiative(initiative: InitiativeView): Promise<void> {
    const organizationId = this.requireOrganization();
    await this.initiativesApi.remove(organizationId, initiative.id);
    this.initiatives.update((initiatives) => initiatives.filter((existing) => existing.id !== initiative.id));
    await this.refreshWorkload(organizationId);
  }

  /** The sums come from the server, which adds tenths exactly; a failure here leaves the old figures. */
  private async refreshWorkload(organizationId: OrganizationId): Promise<void> {
    try {
      const workload = await this.initiativesApi.workload(organizationId);
      if (this.organizationId() === organizationId) this.workload.set(workload);
    } catch (error) {
      this.notifier.report(describeApiError(error));
    }
  }

  private requireOrganization(): OrganizationId {
    const organizationId = this.organizationId();
    if (!organizationId) throw new Error('No active organisation');
    return organizationId;
  }
}
