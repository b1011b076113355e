export * from './lib/crisis/crisis-banner.component';
export * from './lib/delivery/delivery-panel.component';
export * from './lib/delivery/provide-delivery-panel';
export * from './lib/i18n/publishing-scope';
export * from './lib/nav/publishing-nav.component';
export * from './lib/publishing.routes';
