import type { ChannelPromisesView, NextFreeSlotView, StaffedPeriod, Violation } from '@kadens/shared/contracts';
import { checkPlan, nextFreeSlotOnChannels, ServiceCalendar } from '@kadens/shared/rules';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { assertChannels, loadChannelPromises, organizationClock } from '../channel-promises/promise-rows';
import { ENFORCEMENT_MARGIN_MS, loadPlanItems } from './plan-items';

/** What the calendar draws from the promises: warning bands, staffed hours, the next free slot. */
@Injectable()
export class PlanViewService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every violation (blocking and warning) of the plan in [from, to), for the chosen channels. */
  async violations(organizationId: string, from: string, to: string, channelIds?: string[]): Promise<Violation[]> {
    const [clock, promises] = await Promise.all([
      organizationClock(this.db.manager, organizationId),
      loadChannelPromises(this.db.manager, organizationId, channelIds),
    ]);
    // Posts just outside the range bound its silences and gaps, so they are read too.
    const plan = await loadPlanItems(
      this.db.manager,
      organizationId,
      Date.parse(from) - ENFORCEMENT_MARGIN_MS,
      Date.parse(to) + ENFORCEMENT_MARGIN_MS,
      promises.map((p) => p.channelId),
    );
    const inRange = (v: Violation) => Date.parse(v.at) < Date.parse(to) && (v.postId === null || Date.parse(v.at) >= Date.parse(from));
    return checkPlan(plan, promises, { ...clock, range: { from, to } }).filter(inRange);
  }

  async staffedPeriods(organizationId: string, from: string, to: string, channelIds?: string[]): Promise<StaffedPeriod[]> {
    const [clock, promises] = await Promise.all([
      organizationClock(this.db.manager, organizationId),
      loadChannelPromises(this.db.manager, organizationId, channelIds),
    ]);
    return promises.flatMap((channel) =>
      channel.serviceHours
        ? new ServiceCalendar(channel.serviceHours, clock)
            .staffedIntervals(from, to)
            .map((interval) => ({ channelId: channel.channelId, start: interval.start, end: interval.end }))
        : [],
    );
  }

  async nextFreeSlot(organizationId: string, channelId: string, options: NextFreeSlotOptions): Promise<NextFreeSlotView> {
    const [channel]: ChannelPromisesView[] = await loadChannelPromises(this.db.manager, organizationId, [channelId]);
    if (!channel) throw new NotFoundException({ message: 'Channel not found', code: 'channel_not_found' });
    return this.freeOnAll(organizationId, [channel], options);
  }

  /** The earliest time free on every one of the channels (404 when one is not this organisation's). */
  async nextFreeSlotOnChannels(
    organizationId: string,
    channelIds: readonly string[],
    options: NextFreeSlotOptions,
  ): Promise<NextFreeSlotView> {
    const distinct = [...new Set(channelIds)];
    await assertChannels(this.db.manager, organizationId, distinct);
    return this.freeOnAll(organizationId, await loadChannelPromises(this.db.manager, organizationId, distinct), options);
  }

  private async freeOnAll(
    organizationId: string,
    channels: readonly ChannelPromisesView[],
    options: NextFreeSlotOptions,
  ): Promise<NextFreeSlotView> {
    const clock = await organizationClock(this.db.manager, organizationId);
    const fromMs = Date.parse(options.from);
    const plan = await loadPlanItems(
      this.db.manager,
      organizationId,
      fromMs - ENFORCEMENT_MARGIN_MS,
      fromMs + 40 * 86_400_000,
      channels.map((channel) => channel.channelId),
    );
    const slot = nextFreeSlotOnChannels({
      channels: channels.map((channel) => ({
        channelId: channel.channelId,
        cadence: channel.cadence,
        calendar: channel.serviceHours ? new ServiceCalendar(channel.serviceHours, clock) : null,
      })),
      plan,
      invitesDialogue: options.invitesDialogue,
      from: options.from,
      timeZone: clock.timeZone,
      postId: options.postId ?? null,
    });
    return slot ? { at: slot.at, preferred: slot.preferred } : { at: null, preferred: false };
  }
}

export interface NextFreeSlotOptions {
  from: string;
  invitesDialogue: boolean;
  postId?: string;
}
