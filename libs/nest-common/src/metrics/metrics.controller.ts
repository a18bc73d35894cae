import type { ServerResponse } from 'node:http';
import { Controller, Get, Res } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** GET /metrics for Prometheus (HTTP apps; workers serve it on their probe server). */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  async scrape(@Res() res: ServerResponse): Promise<void> {
    const body = await this.metrics.metrics();
    res.statusCode = 200;
    res.setHeader('content-type', this.metrics.contentType);
    res.end(body);
  }
}
