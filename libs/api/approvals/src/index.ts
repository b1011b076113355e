export * from './lib/approvals.module';
export * from './lib/expiry/expiry.service';
