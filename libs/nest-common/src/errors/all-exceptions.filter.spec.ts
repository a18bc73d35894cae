import type { AddressInfo } from 'node:net';
import { BadRequestException, Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { InputError } from '@rarerank/io';
import { LoggingModule } from '../logging/logging.module';
import { AllExceptionsFilter } from './all-exceptions.filter';

@Controller('boom')
class BoomController {
  @Get('input')
  input(): never {
    throw new InputError('not a VCF header', { file: 'upload.vcf', line: 1 });
  }

  @Get('http')
  http(): never {
    throw new BadRequestException('missing caseId');
  }

  @Get('bug')
  bug(): never {
    throw new Error('secret internals');
  }
}

@Module({
  imports: [LoggingModule.forRoot({ name: 'test', version: '0' }, { LOG_LEVEL: 'silent' })],
  controllers: [BoomController],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
class BoomModule {}

describe('AllExceptionsFilter over real HTTP', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(BoomModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  async function get(path: string, requestId?: string) {
    const res = await fetch(base + path, { headers: requestId ? { 'x-request-id': requestId } : {} });
    return { status: res.status, text: await res.text() };
  }

  it('InputError → 400 naming file and line', async () => {
    const { status, text } = await get('/boom/input', 'req-1');
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({ statusCode: 400, error: 'Bad Request', message: 'upload.vcf, line 1: not a VCF header', line: 1, file: 'upload.vcf', requestId: 'req-1' });
  });

  it('HttpException keeps its status', async () => {
    const { status, text } = await get('/boom/http', 'req-2');
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({ statusCode: 400, error: 'Bad Request', message: 'missing caseId', requestId: 'req-2' });
  });

  it('anything else → generic 500 with a generated request id and no stack', async () => {
    const { status, text } = await get('/boom/bug');
    expect(status).toBe(500);
    const body = JSON.parse(text);
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(text).not.toMatch(/secret|at .*\.ts/);
  });
});
