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
    return answer(response, await this.health.check());
  }

  /** Liveness: 200 while the process serves HTTP at all; touches no dependency (restart only when this fails). */
  @Public()
  @Get('live')
  @ApiOkResponse({ description: 'The process is up.' })
  live(@Res({ passthrough: true }) response: Response): { status: 'ok' } {
    response.setHeader('Cache-Control', 'no-store');
    return { status: 'ok' };
  }

  /**
   * Readiness: 200 when what this process's roles need answers — the database; Redis too for the worker
   * and scheduler roles (an `api`-only process does not depend on it). 503 otherwise: take it out of rotation.
   */
  @Public()
  @Get('ready')
  @ApiOkResponse({ description: 'Ready for traffic and work.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency this process needs is down; the body says which.' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    return answer(response, await this.health.ready());
  }
}

function answer(response: Response, view: HealthView): HealthView {
  response.status(view.status === 'ok' ? 200 : 503);
  response.setHeader('Cache-Control', 'no-store');
  return view;
}
