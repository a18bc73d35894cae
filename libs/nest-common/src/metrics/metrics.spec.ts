import { Controller, Get, Module, NotFoundException, Param, UseGuards } from '@nestjs/common';
import { type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SERVICE_IDENTITY } from '../bootstrap/service-identity.token';
import { MetricsModule } from './metrics.module';
import { MetricsService } from './metrics.service';

@Controller('things')
class ThingsController {
  @Get(':id')
  get(@Param('id') id: string) {
    if (id === 'missing') throw new NotFoundException();
    return { id };
  }

  @Get('locked/:id')
  @UseGuards({ canActivate: () => false })
  locked() {
    return {};
  }
}

/** The value of the sample `name` whose labels include `labels` (label order varies between metric types). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const has = Object.fromEntries([...m[2].matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => has[k] === v)) return Number(m[3]);
  }
  return undefined;
}

@Module({ providers: [{ provide: SERVICE_IDENTITY, useValue: { name: 'metrics-spec', version: '0' } }], exports: [SERVICE_IDENTITY] })
class IdentityModule {}

describe('metrics of an HTTP app', () => {
  let app: INestApplication;
  let base: string;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [{ module: IdentityModule, global: true }, MetricsModule.forHttpApp()], controllers: [ThingsController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  it('times requests by route pattern and status, including rejected and unknown ones', async () => {
    for (const path of ['/things/1', '/things/2', '/things/missing', '/things/locked/3', '/nowhere']) await fetch(base + path);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const count = (route: string, status: string) => sample(text, 'rarerank_http_request_duration_seconds_count', { method: 'GET', route, status, service: 'metrics-spec' });
    expect(count('/things/:id', '200')).toBe(2);
    expect(count('/things/:id', '404')).toBe(1);
    expect(count('/things/locked/:id', '403')).toBe(1);
    expect(count('unmatched', '404')).toBe(1);
    // scrapes are not timed; default process metrics and the service label are present
    expect(text).not.toMatch(/route="\/metrics"/);
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="metrics-spec"\} /m);
  });

  it('counts jobs and stage durations', async () => {
    const metrics = app.get(MetricsService);
    metrics.jobs.inc({ queue: 'rarerank-annotation', outcome: 'completed' });
    metrics.stageDuration.observe({ stage: 'annotate' }, 0.3);
    const text = await metrics.metrics();
    expect(sample(text, 'rarerank_jobs_total', { queue: 'rarerank-annotation', outcome: 'completed' })).toBe(1);
    expect(sample(text, 'rarerank_stage_duration_seconds_bucket', { stage: 'annotate', le: '0.25' })).toBe(0);
    expect(sample(text, 'rarerank_stage_duration_seconds_bucket', { stage: 'annotate', le: '0.5' })).toBe(1);
  });
});
