import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type ResultDoc, ResultRepository } from '@rarerank/data-access';
import type { Response } from 'express';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, CurrentActor } from '../auth/actor';
import { CaseLookup } from '../common/case-lookup';
import { ApiQueryFrom } from '../common/openapi';
import { pageOf } from '../common/pagination';
import { ZodPipe } from '../common/zod-validation';
import { renderReport } from './report-formats';
import { type ReportQuery, reportQuerySchema, type ResultsQuery, resultsQuerySchema } from './result-queries';

@ApiTags('results')
@ApiKeyAuth()
@Controller('cases')
export class ResultsController {
  constructor(
    private readonly lookup: CaseLookup,
    private readonly results: ResultRepository,
  ) {}

  /** The stored Result of one analysis (default: the current one) of a case in the caller's lab. */
  private async resultOf(actor: Actor, caseId: string, analysis?: number): Promise<ResultDoc> {
    const c = await this.lookup.get(actor, caseId);
    const n = analysis ?? c.currentAnalysis;
    const found = await this.results.get(actor.labId, caseId, n);
    if (!found) throw new NotFoundException(`case ${caseId} has no results for analysis ${n} (status: ${c.analyses.find((a) => a.n === n)?.status ?? 'no such analysis'})`);
    return found;
  }

  @Get(':id/results')
  @ApiOperation({ summary: 'Ranked genes, variants or diseases of an analysis, with their explanations, one page at a time' })
  @ApiQueryFrom(resultsQuerySchema)
  @ApiNotFoundResponse({ description: 'no such case in your lab, or no results yet' })
  async get(@Param('id') id: string, @Query(new ZodPipe(resultsQuerySchema)) query: ResultsQuery, @CurrentActor() actor: Actor) {
    const { analysis, result, changes, createdAt } = await this.resultOf(actor, id, query.analysis);
    const items: readonly unknown[] = result[query.section];
    return {
      caseId: id,
      analysis,
      section: query.section,
      kb: result.kb,
      mode: result.mode,
      warnings: result.warnings,
      ...(changes ? { changes } : {}),
      createdAt,
      ...pageOf(items, query),
    };
  }

  @Get(':id/report')
  @ApiOperation({ summary: 'The per-case outputs of the CLI: report.html, results.json, genes/variants TSV, VCF or Phenopacket' })
  @ApiQueryFrom(reportQuerySchema)
  @ApiProduces('text/html', 'application/json', 'text/tab-separated-values', 'text/vcf')
  async report(@Param('id') id: string, @Query(new ZodPipe(reportQuerySchema)) query: ReportQuery, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const { result } = await this.resultOf(actor, id, query.analysis);
    const out = renderReport(result, query.format, id, query.table);
    const disposition = query.format === 'html' ? 'inline' : 'attachment';
    res.status(200).setHeader('content-type', out.contentType).setHeader('content-disposition', `${disposition}; filename="${out.fileName}"`).send(out.body);
  }
}
