import { ApiError } from './api-error.js';
import { el, replace } from './dom.js';
import type { Review } from './api-types.js';
import { formatCriteriaChanges, parseCriteriaChanges } from './criteria-changes.js';
import { humanize } from './format.js';
import { ACMG_CLASSES, REVIEW_TAGS, reviewBody } from './review-values.js';

let formCount = 0;

/**
 * The form of one review (PUT replaces the caller's review of the target): tags, ACMG class, note.
 * `save` sends it; a refusal is shown in the form with the server's message. `own`, the caller's
 * stored review, fills the form, since saving replaces it whole.
 */
export function reviewForm(targetLabel: string, save: (body: ReturnType<typeof reviewBody>) => Promise<void>, own?: Review): HTMLFormElement {
  const id = `review-${++formCount}`;
  const tags = REVIEW_TAGS.map((tag) => {
    const box = el('input', { type: 'checkbox', id: `${id}-tag-${tag}`, name: 'tags', value: tag });
    box.checked = own?.tags.includes(tag) ?? false;
    return { box, label: el('label', { for: box.id, class: 'inline' }, box, ` ${tag}`) };
  });
  const acmg = el('select', { id: `${id}-acmg`, name: 'acmgClass' }, el('option', { value: '' }, '(no class)'), ...ACMG_CLASSES.map((c) => el('option', { value: c }, humanize(c))));
  acmg.value = own?.acmgClass ?? '';
  const note = el('textarea', { id: `${id}-note`, name: 'note', rows: '2', maxlength: '5000' });
  note.value = own?.note ?? '';
  const criteria = el('input', { id: `${id}-criteria`, name: 'criteriaChanges', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: '+PS2, -PP3, PM2=moderate', 'aria-describedby': `${id}-criteria-help` });
  criteria.value = formatCriteriaChanges(own?.criteriaChanges);
  const message = el('p', { class: 'error', role: 'alert' });
  const submit = el('button', { type: 'submit' }, `Save review of ${targetLabel}`);
  const form = el(
    'form',
    { class: 'review-form' },
    el('fieldset', {}, el('legend', {}, 'Tags'), ...tags.map((t) => t.label)),
    el('label', { for: acmg.id }, 'ACMG class'),
    acmg,
    el('label', { for: criteria.id }, 'ACMG criteria changes'),
    criteria,
    el('p', { id: `${id}-criteria-help`, class: 'help' }, '+PS2 adds a criterion (+PS2=supporting at a strength), -PP3 removes one, PM2=moderate changes its strength; separated by commas.'),
    el('label', { for: note.id }, 'Note'),
    note,
    submit,
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    replace(message);
    const parsed = parseCriteriaChanges(criteria.value);
    if ('error' in parsed) {
      replace(message, parsed.error);
      criteria.focus();
      return;
    }
    submit.disabled = true;
    save(reviewBody(tags.filter((t) => t.box.checked).map((t) => t.box.value), acmg.value, note.value, parsed.changes))
      .catch((e: unknown) => replace(message, e instanceof ApiError ? e.message : String(e)))
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}
