export * from './lib/channel-variant/variant-measure';
export * from './lib/composer-dialog/composer-dialog.component';
export * from './lib/composer-dialog/composer.launcher';
export * from './lib/i18n/planning-scope';
export * from './lib/planned-time/planned-time';
export * from './lib/planning-problems/planning-problems.service';
export * from './lib/platform-badge/platform-badge.component';
export * from './lib/post-state-chip/post-state-chip.component';
