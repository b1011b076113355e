export * from './lib/channel-variant/variant-measure';
export * from './lib/composer-dialog/composer-dialog.component';
export * from './lib/composer-dialog/composer.launcher';
export * from './lib/planned-time/planned-time-field.component';
export * from './lib/planning-problems/planning-problems.service';
export * from './lib/rule-override/rule-override-dialog.component';
export * from './lib/rule-override/rule-overrides.service';
export * from './lib/unsaved-changes/unsaved-changes';
