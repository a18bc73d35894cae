/** The body of POST /cases/:id/reanalyze from the form's fields. */
export interface ReanalysisBody {
  hpo?: string[];
  excludedHpo?: string[];
  hpoMode?: 'add' | 'replace';
  useCurrentKb: boolean;
}

/** HPO ids as typed: separated by commas, semicolons or white space; checking them is the server's (400 naming the field). */
export function termList(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/**
 * A list left empty keeps the current analysis's terms; the mode says what a list given does
 * (added to the current terms, or replacing them) and is sent only with a list, as the API wants.
 */
export function reanalysisBody(observed: string, excluded: string, mode: 'add' | 'replace', useCurrentKb: boolean): ReanalysisBody {
  const hpo = termList(observed);
  const excludedHpo = termList(excluded);
  const lists = { ...(hpo.length ? { hpo } : {}), ...(excludedHpo.length ? { excludedHpo } : {}) };
  return { ...lists, ...(hpo.length || excludedHpo.length ? { hpoMode: mode } : {}), useCurrentKb };
}
