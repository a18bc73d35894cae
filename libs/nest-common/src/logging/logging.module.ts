import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { BaseConfig } from '../config/base-config';
import type { ServiceIdentity } from '../bootstrap/service-identity';
import { REDACT_CENSOR, REDACT_PATHS } from './redact-paths';
import { requestIdFor } from './request-id';

/** Probes hit these every few seconds; logging each would drown the real traffic. */
export function isHealthRoute(url: string | undefined): boolean {
  return url === '/health' || (url?.startsWith('/health/') ?? false) || (url?.startsWith('/health?') ?? false);
}

/** JSON logs via pino: service name/version on every line, request ids, sensitive fields redacted. */
@Module({})
export class LoggingModule {
  static forRoot(identity: ServiceIdentity, config: Pick<BaseConfig, 'LOG_LEVEL'>): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { service: identity.name, version: identity.version },
            redact: { paths: [...REDACT_PATHS], censor: REDACT_CENSOR },
            genReqId: requestIdFor,
            autoLogging: { ignore: (req: IncomingMessage) => isHealthRoute(req.url) },
            // The access log needs method, path and status, not the whole request.
            quietReqLogger: true,
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
