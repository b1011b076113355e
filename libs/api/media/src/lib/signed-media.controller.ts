import { Public } from '@kadens/api/core';
import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';

import { MediaService } from './media.service';

@ApiTags('media')
@Controller('media/signed')
export class SignedMediaController {
  constructor(private readonly media: MediaService) {}

  /** A medium through a signed, expiring link (no session): what Instagram and Facebook fetch. */
  @Get(':token')
  @Public()
  @Header('Cache-Control', 'private, max-age=300')
  @ApiNotFoundResponse({ description: 'The token is malformed, forged or expired, or the medium is gone.' })
  async content(@Param('token') token: string): Promise<StreamableFile> {
    const content = await this.media.signedContent(token);
    return new StreamableFile(content.stream, { type: content.mimeType, disposition: 'inline', length: content.bytes });
  }
}
