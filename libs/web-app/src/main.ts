import { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { renderCaseList } from './case-list-view.js';
import { renderCase } from './case-view.js';
import { button, el, replace } from './dom.js';
import type { Me } from './api-types.js';
import { keyLabel, whoText } from './key-text.js';
import { parseRoute } from './route.js';
import { session } from './session.js';
import { renderSignIn } from './sign-in-view.js';

/** The counselor app: hash routes #/cases, #/cases/<id>; the key from sessionStorage. */
const main = document.getElementById('main') as HTMLElement;
const who = document.getElementById('who') as HTMLElement;
let renderCount = 0;

/** GET /me of the key in use, asked once per key. */
let caller: { key: string; me: Promise<Me> } | undefined;

function header(key: string | null): void {
  if (!key) return replace(who);
  const label = el('span', { id: 'signed-in-as' }, `Signed in with key ${keyLabel(key)}`);
  replace(who, label, ' ', button('Sign out', signOut, { id: 'sign-out' }));
  // the key's prefix stays if /me fails; the page's own calls report why
  callerOf(key)
    .then((me) => session.key() === key && replace(label, whoText(me, key)))
    .catch(() => undefined);
}

function callerOf(key: string): Promise<Me> {
  if (caller?.key !== key) {
    const me = new ApiClient(key).get<Me>('/me');
    caller = { key, me };
    // a failed answer is not kept: the next view asks again
    me.catch(() => {
      if (caller?.me === me) caller = undefined;
    });
  }
  return caller.me;
}

function signOut(): void {
  session.signOut();
  caller = undefined;
  location.hash = '';
  route();
}

function showError(e: unknown): void {
  const text = e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
  const again = e instanceof ApiError && e.status === 401 ? el('p', {}, 'Your key is no longer accepted: ', button('Sign out', signOut), ' and sign in with a valid key.') : undefined;
  replace(main, el('p', { class: 'error', role: 'alert', id: 'page-error' }, text), again, el('p', {}, el('a', { href: '#/cases' }, 'Back to the cases')));
}

/** After a route change, focus goes to the new view's heading (screen readers announce it). */
function focusHeading(): void {
  const h = main.querySelector('h2');
  if (!h) return;
  h.setAttribute('tabindex', '-1');
  h.focus();
}

function route(): void {
  const token = ++renderCount;
  const isCurrent = () => token === renderCount;
  // a view left before its answers came must not draw over the next one
  const done = () => isCurrent() && focusHeading();
  const fail = (e: unknown) => isCurrent() && showError(e);
  const key = session.key();
  header(key);
  if (!key) {
    renderSignIn(main, (accepted) => {
      session.signIn(accepted);
      if (location.hash.startsWith('#/cases')) route();
      else location.hash = '#/cases';
    });
    return;
  }
  const api = new ApiClient(key);
  const r = parseRoute(location.hash);
  if (r.view === 'case') {
    const ctx = { api, id: r.id, genePage: r.page, isCurrent, me: () => callerOf(key), rerender: (flash?: string) => void renderCase(main, ctx, flash).catch(fail) };
    renderCase(main, ctx).then(done, fail);
  } else {
    renderCaseList(main, api, r.page, isCurrent, r.review).then(done, fail);
  }
}

window.addEventListener('hashchange', route);
route();
