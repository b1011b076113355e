import { AccountsAndOrganizations1763780000000 } from './1763780000000-accounts-and-organizations';
import { StrategyAndPosts1763790000000 } from './1763790000000-strategy-and-posts';
import { CalendarColumns1763800000000 } from './1763800000000-calendar-columns';
import { CalendarEntry1763810000000 } from './1763810000000-calendar-entry';
import { PromisesAndAudit1763820000000 } from './1763820000000-promises-and-audit';
import { Approvals1763830000000 } from './1763830000000-approvals';
import { CalendarCoveringIndex1763840000000 } from './1763840000000-calendar-covering-index';
import { CalendarLargeEntryIndex1763850000000 } from './1763850000000-calendar-large-entry-index';
import { Publishing1763860000000 } from './1763860000000-publishing';
import { PublishRetryBudget1763870000000 } from './1763870000000-publish-retry-budget';
import { PublishingInFlight1763880000000 } from './1763880000000-publishing-in-flight';
import { AccountMail1763890000000 } from './1763890000000-account-mail';
import { AccountSecurity1763900000000 } from './1763900000000-account-security';
import { Invitations1763910000000 } from './1763910000000-invitations';
import { ChannelOAuth1763920000000 } from './1763920000000-channel-oauth';
import { Media1765000000000 } from './1765000000000-media';
import { CalendarFeeds1765100000000 } from './1765100000000-calendar-feeds';
import { PostImports1765110000000 } from './1765110000000-post-imports';
import { ConnectionChoices1763921000000 } from './1763921000000-connection-choices';
import { ExternalReviews1765200000000 } from './1765200000000-external-reviews';
import { TargetMediaUploads1765300000000 } from './1765300000000-target-media-uploads';
import { ReadabilityTarget1765400000000 } from './1765400000000-readability-target';
import { Results1765500000000 } from './1765500000000-results';
import { ResultsCollection1765510000000 } from './1765510000000-results-collection';
import { ReportRollups1765520000000 } from './1765520000000-report-rollups';
import { Evaluation1765550000000 } from './1765550000000-evaluation';
import { CalendarLeanEntry1765600000000 } from './1765600000000-calendar-lean-entry';
import { ContentTypeNames1765610000000 } from './1765610000000-content-type-names';
import { NotificationMailPreferences1765620000000 } from './1765620000000-notification-mail-preferences';

/** Every migration, oldest first. Listed by hand so that the bundled app needs no file globbing. */
export const MIGRATIONS = [
  AccountsAndOrganizations1763780000000,
  StrategyAndPosts1763790000000,
  CalendarColumns1763800000000,
  CalendarEntry1763810000000,
  PromisesAndAudit1763820000000,
  Approvals1763830000000,
  CalendarCoveringIndex1763840000000,
  CalendarLargeEntryIndex1763850000000,
  Publishing1763860000000,
  PublishRetryBudget1763870000000,
  PublishingInFlight1763880000000,
  AccountMail1763890000000,
  AccountSecurity1763900000000,
  Invitations1763910000000,
  ChannelOAuth1763920000000,
  ConnectionChoices1763921000000,
  Media1765000000000,
  CalendarFeeds1765100000000,
  PostImports1765110000000,
  ExternalReviews1765200000000,
  TargetMediaUploads1765300000000,
  ReadabilityTarget1765400000000,
  Results1765500000000,
  ResultsCollection1765510000000,
  ReportRollups1765520000000,
  Evaluation1765550000000,
  CalendarLeanEntry1765600000000,
  ContentTypeNames1765610000000,
  NotificationMailPreferences1765620000000,
];
