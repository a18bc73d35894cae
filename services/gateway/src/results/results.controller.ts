import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type CaseDoc, type ResultDoc, ResultRepository, ReviewRepository } from '@rarerank/data-access';
import type { Response } from 'express';
import { ApiKeyAuth } from '../auth/api-key-auth.decorator';
import { type Actor, CurrentActor } from '../auth/actor';
import { CaseLookup } from '../common/case-lookup';
import { ApiCaseNotFound, ApiQueryFrom } from '../common/openapi';
import { pageOf } from '../common/pagination';
import { ZodPipe } from '../common/zod-validation';
import { caseReviewOf } from './case-review-of';
import { renderReport } from './report-formats';
import { type ReportQuery, reportQuerySchema, type ResultsQuery, resultsQuerySchema } from './result-queries';

@ApiTags('results')
@ApiKeyAuth()
@ApiCaseNotFound()
@Controller('cases')
export class ResultsController {
  constructor(
    private readonly lookup: CaseLookup,
    private readonly results: ResultRepository,
    private readonly reviews: ReviewRepository,
  ) {}

  /** The stored Result of one analysis (default: the current one) of a case in the caller's lab, with the case. */
  private async resultOf(actor: Actor, caseId: string, analysis?: number): Promise<ResultDoc & { case: CaseDoc }> {
    const c = await this.lookup.get(actor, caseId);
    const n = analysis ?? c.currentAnalysis;
    const found = await this.results.get(actor.labId, caseId, n);
    if (!found) throw new NotFoundException(`case ${caseId} has no results for analysis ${n} (status: ${c.analyses.find((a) => a.n === n)?.status ?? 'no such analysis'})`);
    return { ...found, case: c };
  }

  @Get(':id/results')
  @ApiOperation({ summary: 'Ranked genes, variants or diseases of an analysis, with their explanations, one page at a time' })
  @ApiQueryFrom(resultsQuerySchema)
  @ApiOkResponse({ description: 'one page of the section, with the analysis it belongs to' })
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
  @ApiOkResponse({ description: 'the output; html and json of a reviewed case include the review: classifications, sign-off and approval with the analysis they cover' })
  async report(@Param('id') id: string, @Query(new ZodPipe(reportQuerySchema)) query: ReportQuery, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const { result, analysis, case: c } = await this.resultOf(actor, id, query.analysis);
    const review = query.format === 'html' || query.format === 'json' ? caseReviewOf(c, await this.reviews.list(actor.labId, id), analysis) : undefined;
    const out = renderReport(result, query.format, id, query.table, review);
    const disposition = query.format === 'html' ? 'inline' : 'attachment';
    res.status(200).setHeader('content-type', out.contentType).setHeader('content-disposition', `${disposition}; filename="${out.fileName}"`).send(out.body);
  }
}
