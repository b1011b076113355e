export * from './lib/media.module';
export * from './lib/media.service';
export * from './lib/post-media';
export * from './lib/signing/media-url-signer';
export * from './lib/storage/media-storage';
export * from './lib/storage/local-disk-storage';
export * from './lib/storage/s3-storage';
