import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { isHealthRoute } from '../logging/logging.module';
import { MetricsService } from './metrics.service';

type RoutedRequest = IncomingMessage & { route?: { path?: string } };

/**
 * Times every HTTP request, labelled with the route pattern (/cases/:id, not the id: one series
 * per route). A middleware rather than an interceptor, so requests a guard rejects (401, 429) and
 * unknown paths (404) are counted too. Probes and scrapes are left out.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: RoutedRequest, res: ServerResponse, next: () => void): void {
    const url = req.url;
    if (isHealthRoute(url) || url === '/metrics') return next();
    const end = this.metrics.httpDuration.startTimer();
    res.once('finish', () => {
      // Express sets req.route once a route matched; its path is the pattern
      const route = req.route?.path ?? 'unmatched';
      end({ method: req.method ?? 'UNKNOWN', route, status: String(res.statusCode) });
    });
    next();
  }
}
