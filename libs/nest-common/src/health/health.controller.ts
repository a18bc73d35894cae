import type { ServerResponse } from 'node:http';
import { Controller, Get, Res } from '@nestjs/common';
import { ReadinessService } from './readiness.service';
import { LIVENESS_BODY, writeHealth } from './write-health';

/** Probe routes of HTTP services: /health (process alive) and /health/ready (servers reachable). */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get()
  liveness(@Res() res: ServerResponse): void {
    writeHealth(res, 200, LIVENESS_BODY);
  }

  // Written directly so a 503 keeps terminus' per-check details instead of the generic error body.
  @Get('ready')
  async ready(@Res() res: ServerResponse): Promise<void> {
    const { httpStatus, body } = await this.readiness.check();
    writeHealth(res, httpStatus, body);
  }
}
