import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { KbManifest } from '@rarerank/kb';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { KB_MANIFEST, kbSummary } from './kb-manifest.provider';

@ApiTags('kb')
@ApiKeyAuth()
@Controller('kb')
export class KbController {
  constructor(@Inject(KB_MANIFEST) private readonly manifest: KbManifest) {}

  @Get()
  @ApiOperation({ summary: 'The knowledge base this gateway runs with: version, build time, sources' })
  @ApiOkResponse({ description: 'manifest summary' })
  get() {
    return kbSummary(this.manifest);
  }
}
