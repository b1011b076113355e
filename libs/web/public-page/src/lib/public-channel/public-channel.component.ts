import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Country, Locale, PublicAvailability, PublicChannel } from '@kadens/shared/contracts';

import { formatLocalDate, formatLocalDateRange } from '../words/dates-in-words';
import { formatDuration } from '../words/duration-in-words';
import { capitalize } from '../words/intl-locale';
import { describeOpenStatus } from '../words/open-status';
import { describeWeeklyHours } from '../words/weekly-hours-in-words';
import { PLATFORM_MARKS } from './platform-mark';

/** The language a country's holiday names come in (they are the holiday library's own). */
const COUNTRY_LANGUAGE: Readonly<Record<Country, Locale>> = { NO: 'nb', DK: 'da', SE: 'sv' };

/** One channel's promises, in words: who it is, when someone is there, how soon they answer. */
@Component({
  selector: 'kd-public-channel',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './public-channel.component.html',
  styleUrl: './public-channel.component.scss',
})
export class PublicChannelComponent {
  readonly channel = input.required<PublicChannel>();
  readonly organization = input.required<PublicAvailability['organization']>();
  /** When the API judged "open now"; the day words (today, tomorrow) count from here. */
  readonly generatedAt = input.required<string>();
  readonly locale = input.required<Locale>();

  protected readonly headingId = computed(() => `public-channel-${this.channel().id}`);
  protected readonly mark = computed(() => PLATFORM_MARKS[this.channel().platform]);
  /** "Facebook" under a channel called "Facebook" says nothing new. */
  protected readonly platformNamed = computed(
    () => this.mark().name?.toLocaleLowerCase() !== this.channel().name.trim().toLocaleLowerCase(),
  );
  protected readonly hours = computed(() => this.channel().serviceHours);
  /** The organisation writes its descriptions and cadence sentence in its own language. */
  protected readonly organizationLanguage = computed(() => this.organization().defaultLocale);
  protected readonly holidayLanguage = computed(() => COUNTRY_LANGUAGE[this.organization().country]);

  protected readonly hoursLines = computed(() => {
    const hours = this.hours();
    return hours ? describeWeeklyHours(hours.weeklyHours, this.locale()) : [];
  });

  protected readonly status = computed(() => {
    const hours = this.hours();
    if (!hours) return null;
    return describeOpenStatus(hours, new Date(this.generatedAt()), this.organization().timeZone, this.locale());
  });

  protected readonly holidays = computed(() =>
    (this.hours()?.upcomingHolidays ?? []).map((holiday) => ({
      date: holiday.date,
      name: holiday.name ? capitalize(holiday.name, this.holidayLanguage()) : '',
      when: formatLocalDate(holiday.date, this.locale()),
    })),
  );

  protected readonly closures = computed(() =>
    (this.hours()?.upcomingClosures ?? []).map((closure) => ({
      key: `${closure.start}/${closure.end}`,
      when: formatLocalDateRange(closure.start, closure.end, this.locale()),
      reason: closure.reason ?? '',
    })),
  );

  protected readonly responseWithin = computed(() => {
    const minutes = this.hours()?.responseWindowMinutes ?? 0;
    return minutes > 0 ? formatDuration(minutes, this.locale()) : null;
  });
}
