import type { HealthView } from '@kadens/shared/contracts';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 only when the database (and Redis, when configured) answer; 503 otherwise. */
  @Public()
  @Get()
  @ApiOkResponse({ description: 'Every dependency answers.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the body says which.' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const view = await this.health.check();
    response.status(view.status === 'ok' ? 200 : 503);
    response.setHeader('Cache-Control', 'no-store');
    return view;
  }
}
