import { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { el, replace } from './dom.js';
import { keyShapeProblem } from './key-text.js';

/** The sign-in form: the key is checked against the API (GET /me) before it is kept. */
export function renderSignIn(main: HTMLElement, onSignedIn: (key: string) => void): void {
  const input = el('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'api-key-help sign-in-error' });
  const error = el('p', { id: 'sign-in-error', class: 'error', role: 'alert' });
  const submit = el('button', { type: 'submit' }, 'Sign in');
  const form = el(
    'form',
    { id: 'sign-in-form', 'aria-labelledby': 'sign-in-title' },
    el('h2', { id: 'sign-in-title' }, 'Sign in'),
    el('label', { for: 'api-key' }, 'API key'),
    input,
    el('p', { id: 'api-key-help', class: 'help' }, 'Paste the key your lab admin gave you (rr_…). It is kept in this tab only and forgotten when you sign out or close the tab.'),
    submit,
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = input.value.trim();
    const problem = keyShapeProblem(key);
    if (problem) {
      replace(error, problem);
      input.focus();
      return;
    }
    submit.disabled = true;
    replace(error);
    new ApiClient(key)
      .get('/me')
      .then(() => onSignedIn(key))
      .catch((e: unknown) => {
        const text = e instanceof ApiError && e.status === 401 ? `The key was not accepted. ${e.message}` : e instanceof Error ? e.message : String(e);
        replace(error, text);
        input.focus();
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  replace(main, form);
  input.focus();
}
