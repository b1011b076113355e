import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import { OrganizationItemParams } from '@kadens/api/core';
import type { MediaPage, MediaView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';

import { MediaContentQueryDto, MediaQueryDto, UpdateMediaDto } from './media.dto';
import { MediaService } from './media.service';
import { MAX_ALT_TEXT } from './upload/receive-upload';

@ApiTags('media')
@Controller('organizations/:organizationId/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  /** Uploads one image or video (multipart, field `file`, optional `altText`); metadata is stripped. */
  @Post()
  @RequirePermission('posts.edit')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: 'JPEG, PNG, WebP or GIF image, or MP4/MOV video; the type is told from the content',
        },
        altText: { type: 'string', maxLength: MAX_ALT_TEXT, description: 'The text alternative (before or after the file)' },
      },
    },
  })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than MEDIA_MAX_IMAGE_MB / MEDIA_MAX_VIDEO_MB (code file_too_large).' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a JPEG, PNG, WebP, GIF, MP4 or MOV by its content (code unsupported_media_type).' })
  @ApiUnprocessableEntityResponse({ description: 'The file has the right signature but cannot be decoded (code unreadable_media).' })
  upload(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
    @Req() request: Request,
  ): Promise<MediaView> {
    return this.media.upload(organizationId, member.user.id, request);
  }

  /** The library, newest first; `q` searches alt texts and file names. */
  @Get()
  @RequirePermission('posts.read')
  list(@Param('organizationId') organizationId: string, @Query() query: MediaQueryDto): Promise<MediaPage> {
    return this.media.list(organizationId, query);
  }

  @Get(':id')
  @RequirePermission('posts.read')
  get(@Param() params: OrganizationItemParams): Promise<MediaView> {
    return this.media.get(params.organizationId, params.id);
  }

  @Patch(':id')
  @RequirePermission('posts.edit')
  update(@Param() params: OrganizationItemParams, @Body() body: UpdateMediaDto): Promise<MediaView> {
    return this.media.updateAltText(params.organizationId, params.id, body.altText);
  }

  /** The stored file (or `?variant=thumbnail`), streamed. */
  @Get(':id/content')
  @RequirePermission('posts.read')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4', 'video/quicktime')
  async content(@Param() params: OrganizationItemParams, @Query() query: MediaContentQueryDto): Promise<StreamableFile> {
    const content = await this.media.content(params.organizationId, params.id, query.variant ?? 'original');
    return new StreamableFile(content.stream, { type: content.mimeType, disposition: 'inline', length: content.bytes });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission('posts.edit')
  @ApiConflictResponse({
    description: 'Posts use the medium (code media_in_use; each error names one post: post.id, title, plannedAt, state).',
  })
  remove(@Param() params: OrganizationItemParams): Promise<void> {
    return this.media.remove(params.organizationId, params.id);
  }
}
