import { ConfigError, loadAppConfig } from '@kadens/api/core';

import { mediaStorageFor } from './media.module';

const base = { DATABASE_URL: 'postgres://kadens@127.0.0.1:5432/kadens' };

describe('media settings', () => {
  it('default to local disk under ./.data/media, 50 MB images, 1 GB video, one-hour links', () => {
    const config = loadAppConfig(base, '/srv/kadens');
    expect(config.media).toEqual({
      maxImageBytes: 50 * 1024 * 1024,
      maxVideoBytes: 1024 * 1024 * 1024,
      dir: '/srv/kadens/.data/media',
      signedUrlTtlSeconds: 3600,
      s3: null,
    });
    expect(mediaStorageFor(config).kind).toBe('local');
  });

  it('switch to an S3-compatible bucket when MEDIA_S3_BUCKET is set', () => {
    const config = loadAppConfig(
      { ...base, MEDIA_S3_BUCKET: 'media', MEDIA_S3_ENDPOINT: 'http://minio:9000', MEDIA_MAX_VIDEO_MB: '300' },
      '/',
    );
    expect(config.media).toMatchObject({
      maxVideoBytes: 300 * 1024 * 1024,
      s3: { bucket: 'media', endpoint: 'http://minio:9000', region: 'us-east-1', forcePathStyle: true, accessKeyId: null },
    });
    expect(mediaStorageFor(config).kind).toBe('s3');
  });

  it.each([
    [{ MEDIA_MAX_IMAGE_MB: '0' }, 'MEDIA_MAX_IMAGE_MB'],
    [{ MEDIA_MAX_VIDEO_MB: 'lots' }, 'MEDIA_MAX_VIDEO_MB'],
    [{ MEDIA_S3_ENDPOINT: 'ftp://minio' }, 'MEDIA_S3_ENDPOINT'],
    [{ MEDIA_SIGNED_URL_TTL_MINUTES: '0' }, 'MEDIA_SIGNED_URL_TTL_MINUTES'],
  ])('refuse %j naming the variable', (env, name) => {
    expect(() => loadAppConfig({ ...base, ...env }, '/')).toThrow(ConfigError);
    expect(() => loadAppConfig({ ...base, ...env }, '/')).toThrow(name);
  });
});
