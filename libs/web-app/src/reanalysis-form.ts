import type { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import type { CaseDetail } from './api-types.js';
import { el, replace, section } from './dom.js';
import { reanalysisBody } from './reanalysis-body.js';

const enc = encodeURIComponent;

/**
 * A new analysis with other HPO terms (added to or replacing the current ones) and/or the current
 * KB. The server checks the terms (400 naming the field) and the state (409), shown in the form.
 */
export function reanalysisSection(c: Pick<CaseDetail, 'id' | 'currentAnalysis'>, api: ApiClient, rerender: (flash: string) => void): HTMLElement {
  const observed = el('input', { id: 'reanalyse-hpo', name: 'hpo', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'HP:0001250, HP:0001263' });
  const excluded = el('input', { id: 'reanalyse-excluded', name: 'excludedHpo', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const add = el('input', { type: 'radio', name: 'hpoMode', id: 'reanalyse-add', value: 'add' });
  add.checked = true;
  const replaceMode = el('input', { type: 'radio', name: 'hpoMode', id: 'reanalyse-replace', value: 'replace' });
  const kb = el('input', { type: 'checkbox', id: 'reanalyse-kb', name: 'useCurrentKb' });
  const message = el('p', { class: 'error', role: 'alert', id: 'reanalyse-message' });
  const submit = el('button', { type: 'submit' }, `Start analysis ${c.currentAnalysis + 1}`);
  const form = el(
    'form',
    { id: 'reanalyse-form' },
    el('label', { for: observed.id }, 'Observed HPO terms'),
    observed,
    el('label', { for: excluded.id }, 'Excluded HPO terms'),
    excluded,
    el('fieldset', {}, el('legend', {}, 'The terms given'), el('label', { for: add.id, class: 'inline' }, add, ' are added to the current ones'), ' ', el('label', { for: replaceMode.id, class: 'inline' }, replaceMode, ' replace the current ones')),
    el('label', { for: kb.id, class: 'inline' }, kb, ' annotate the variants again with the current KB'),
    el('p', { class: 'help' }, 'A list left empty keeps the current terms. A pending sign-off is withdrawn: the new analysis needs its own review.'),
    submit,
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(message);
    api
      .post<{ analysis: number }>(`/cases/${enc(c.id)}/reanalyze`, reanalysisBody(observed.value, excluded.value, replaceMode.checked ? 'replace' : 'add', kb.checked))
      .then((r) => rerender(`Analysis ${r.analysis} started.`))
      .catch((e: unknown) => {
        replace(message, e instanceof ApiError ? e.message : String(e));
        submit.disabled = false;
      });
  });
  return section('reanalyse', 'New analysis', form);
}
