export * from './lib/audiences/audience.entity';
export * from './lib/channels/channel.entity';
export * from './lib/channels/channels-reader';
export * from './lib/initiatives/initiative.entity';
export * from './lib/strategy.module';
export * from './lib/themes/theme.entity';
