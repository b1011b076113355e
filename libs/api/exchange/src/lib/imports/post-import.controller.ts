import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import { IMPORT_MAX_BYTES, type ImportResult } from '@kadens/shared/contracts';
import {
  BadRequestException,
  Controller,
  HttpCode,
  HttpException,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { ImportQueryDto } from './import-query.dto';
import { PostImportService } from './post-import.service';

/** What multer hands over for the `file` field (kept in memory: at most 5 MB). */
interface UploadedCsv {
  buffer: Buffer;
  size: number;
}

const CSV_TYPE = /^(text\/csv|application\/csv|text\/tab-separated-values)\s*(;|$)/i;

@ApiTags('imports')
@Controller('organizations/:organizationId/imports')
export class PostImportController {
  constructor(private readonly imports: PostImportService) {}

  /**
   * A plan from a CSV file (a `text/csv` body, or the multipart field `file`; at most 5 MB and 2,000 rows).
   * `dryRun=true` (the default) answers the preview — per row its errors and warnings (platform text
   * limits, the channels' promises) — and stores nothing; `dryRun=false` imports the valid rows as drafts
   * in one transaction and skips rows an earlier import already made.
   */
  @Post('posts')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('posts.edit')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10 } }))
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ description: 'The CSV: header row, then one post per row; `,` `;` or tab separated, UTF-8.' })
  @ApiOkResponse({ description: 'ImportResult: per row its status (valid, invalid, duplicate, imported), errors and warnings.' })
  @ApiBadRequestResponse({ description: 'No file, not UTF-8, unreadable, or a required column (title, channels, theme) missing.' })
  @ApiPayloadTooLargeResponse({ description: 'Over 5 MB (body_too_large) or over 2,000 rows (import_too_many_rows).' })
  async import(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
    @Query() query: ImportQueryDto,
    @Req() request: Request,
    @UploadedFile() file?: UploadedCsv,
  ): Promise<ImportResult> {
    const bytes = file ? file.buffer : await readCsvBody(request);
    return this.imports.run(organizationId, member, bytes, query.dryRun !== 'false');
  }
}

/** A `text/csv` body, read here (express.json reads only JSON), refused past 5 MB. */
async function readCsvBody(request: Request): Promise<Buffer> {
  if (!CSV_TYPE.test(request.headers['content-type'] ?? '')) {
    throw new BadRequestException({
      message: 'file: send the CSV as a text/csv body or as the multipart field "file"',
      code: 'import_no_file',
      errors: [{ field: 'file', messages: ['must be sent as text/csv or multipart field "file"'] }],
    });
  }
  const tooLarge = () =>
    new HttpException(
      {
        message: `file: larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
        code: 'body_too_large',
        errors: [{ field: 'file', messages: [`must be at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB`] }],
      },
      HttpStatus.PAYLOAD_TOO_LARGE,
    );
  if (Number(request.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > IMPORT_MAX_BYTES) {
      request.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
