import { RequirePermission } from '@kadens/api/organizations';
import type { LinkPreview } from '@kadens/shared/contracts';
import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { LinkPreviewQueryDto } from './link-preview.dto';
import { LinkPreviewService } from './link-preview.service';

@ApiTags('posts')
@Controller('organizations/:organizationId/link-preview')
export class LinkPreviewController {
  constructor(private readonly previews: LinkPreviewService) {}

  /** The card platforms will show for a link: Open Graph title, description, image and site name (null where absent). */
  @Get()
  @RequirePermission('posts.read')
  @ApiOkResponse({ description: 'LinkPreview: {url, title, description, imageUrl, siteName}.' })
  @ApiBadRequestResponse({ description: '`url` is missing or not an http(s) address.' })
  @ApiBadGatewayResponse({
    description:
      'The page could not be read (code link_refused, link_unreachable, link_status, link_too_large, link_not_html or link_too_many_redirects).',
  })
  preview(@Query() query: LinkPreviewQueryDto): Promise<LinkPreview> {
    return this.previews.preview(query.url);
  }

  /** A card's image, through Kadens (the app shows no other site's images): only the `imageUrl` of a card read before. */
  @Get('image')
  @RequirePermission('posts.read')
  @Header('cache-control', 'private, max-age=600')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'image/gif')
  @ApiNotFoundResponse({ description: 'No card read in the last minutes shows this image (code link_image_unknown).' })
  @ApiBadGatewayResponse({ description: 'Not a JPEG, PNG, WebP or GIF of at most 1 MB, or unreachable (code link_image_unreadable).' })
  async image(@Query() query: LinkPreviewQueryDto): Promise<StreamableFile> {
    const image = await this.previews.image(query.url);
    return new StreamableFile(image.bytes, { type: image.mimeType, disposition: 'inline', length: image.bytes.length });
  }
}
