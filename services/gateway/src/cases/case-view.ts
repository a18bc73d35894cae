import type { Analysis, CaseDoc, InputFileRef } from '@rarerank/data-access';

/** File refs as clients see them: no GridFS ids. */
const fileView = ({ name, size, sha256 }: InputFileRef) => ({ name, size, sha256 });

function analysisView(a: Analysis, chunkTotal: number | undefined) {
  const annotating = a.variantsFrom === a.n;
  return {
    n: a.n,
    status: a.status,
    kbVersion: a.kbVersion,
    variantsFrom: a.variantsFrom,
    observed: a.observed,
    excluded: a.excluded,
    progress: {
      phenotypeDone: a.phenotypeDone,
      // reused variants need no annotation: report them as done
      chunks: { done: annotating ? new Set(a.chunksDone).size : (chunkTotal ?? 0), total: chunkTotal ?? null },
    },
    timings: a.stages,
    ...(a.failure ? { failure: a.failure } : {}),
    requestedBy: a.requestedBy,
    createdAt: a.createdAt,
    ...(a.completedAt ? { completedAt: a.completedAt } : {}),
  };
}

/** A row of GET /cases. */
export function caseSummaryView(c: CaseDoc) {
  return {
    id: c.id,
    ...(c.externalId ? { externalId: c.externalId } : {}),
    ...(c.batchId ? { batchId: c.batchId } : {}),
    status: c.status,
    reviewStatus: c.reviewStatus,
    currentAnalysis: c.currentAnalysis,
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** GET /cases/:id: status, progress of the current analysis, warnings, timings and every analysis. */
export function caseDetailView(c: CaseDoc) {
  const analyses = c.analyses.map((a) => analysisView(a, c.chunks.total));
  const current = analyses.find((a) => a.n === c.currentAnalysis);
  const { vcfs, ped, phenopacket, ...phenotype } = c.inputs;
  return {
    ...caseSummaryView(c),
    progress: current?.progress ?? null,
    ...(current?.failure ? { failure: current.failure } : {}),
    warnings: c.warnings,
    inputs: {
      ...phenotype,
      vcfs: vcfs.map(fileView),
      ...(ped ? { ped: fileView(ped) } : {}),
      ...(phenopacket ? { phenopacket: fileView(phenopacket) } : {}),
    },
    signoff: c.signoff,
    analyses,
  };
}
