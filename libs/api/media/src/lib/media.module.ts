import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { OrganizationsModule } from '@kadens/api/organizations';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';

import { MediaController } from './media.controller';
import { MediaService } from './media.service';
import { SignedMediaController } from './signed-media.controller';
import { LocalDiskStorage } from './storage/local-disk-storage';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage';
import { S3Storage } from './storage/s3-storage';

/** The storage the configuration names: the S3-compatible bucket when MEDIA_S3_BUCKET is set, else MEDIA_DIR on disk. */
export function mediaStorageFor(config: AppConfig): MediaStorage {
  return config.media.s3 ? new S3Storage(config.media.s3) : new LocalDiskStorage(config.media.dir);
}

@Module({
  imports: [OrganizationsModule],
  controllers: [MediaController, SignedMediaController],
  providers: [MediaService, { provide: MEDIA_STORAGE, inject: [APP_CONFIG], useFactory: mediaStorageFor }],
  exports: [MediaService, MEDIA_STORAGE],
})
export class MediaModule implements OnApplicationShutdown {
  constructor(@Inject(MEDIA_STORAGE) private readonly storage: MediaStorage) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3Storage) this.storage.close();
  }
}
