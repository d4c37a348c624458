// The dashboard's shell: routes (#/tasks, #/tasks/7, #/templates, #/templates/ns/name, #/system), the token of
// this tab's session, and the sign-in form the API's 401 leads to.
import {ApiError, session} from './api.js';
import {fill, h, problem} from './dom.js';
import * as system from './system.js';
import * as task from './task.js';
import * as tasks from './tasks.js';
import * as templates from './templates.js';

const ROUTES = [
  {pattern: /^\/tasks\/(\d+)$/, section: 'tasks', page: task},
  {pattern: /^\/tasks$/, section: 'tasks', page: tasks},
  {pattern: /^\/templates\/([^/]+)\/([^/]+)$/, section: 'templates', page: templates.one},
  {pattern: /^\/templates$/, section: 'templates', page: templates},
  {pattern: /^\/system$/, section: 'system', page: system},
];

const main = document.getElementById('main');
let leave = () => {};
let visits = 0;

/** The current route: its path and its query (after "?" in the fragment). */
function location() {
  const fragment = window.location.hash.replace(/^#/, '') || '/tasks';
  const [path, query = ''] = fragment.split('?');
  return {path, query: new URLSearchParams(query)};
}

async function show() {
  leave();
  leave = () => {};
  document.querySelectorAll('dialog').forEach(dialog => dialog.close());
  const visit = ++visits;
  takeOfferedToken();
  const {path, query} = location();
  const route = ROUTES.find(candidate => candidate.pattern.test(path));
  for (const link of document.querySelectorAll('nav a')) {
    link.toggleAttribute('aria-current', link.dataset.section === route?.section);
  }
  showWho();
  if (!route) {
    fill(main, h('h1', {}, 'Not found'), h('p', {}, 'No page at ', h('code', {}, path), '. ',
      h('a', {href: '#/tasks'}, 'See the tasks')));
    return;
  }
  const matched = path.match(route.pattern).slice(1).map(decodeURIComponent);
  try {
    const stop = await route.page.render(main, matched, query) ?? (() => {});
    if (visit !== visits) {
      // Another page was asked for while this one loaded: it must not keep refreshing.
      stop();
      return;
    }
    leave = stop;
    main.querySelector('h1')?.setAttribute('tabindex', '-1');
    main.querySelector('h1')?.focus({preventScroll: true});
  } catch (error) {
    if (visit === visits) {
      failed(error);
    }
  }
}

/** What a page does when the API refuses it: asks for a token on 401, says why otherwise. */
export function failed(error) {
  if (error instanceof ApiError && error.status === 401) {
    signIn(error);
    return;
  }
  fill(main, h('h1', {}, 'Cannot show this page'), problem(error));
}

/** Shows a failure in one part of a page; a 401 still leads to the sign-in form. */
export function failedIn(area, error) {
  if (error instanceof ApiError && error.status === 401) {
    signIn(error);
  } else {
    fill(area, problem(error));
  }
}

function signIn(error) {
  leave();
  showWho();
  const field = h('textarea', {id: 'token', rows: 5, required: true, autocomplete: 'off', spellcheck: 'false'});
  const form = h('form', {class: 'sign-in'},
    h('h1', {}, 'Sign in'),
    h('p', {}, 'Tasker needs a token for its API: a bearer token (a JWT) from your identity provider, or on the '
      + 'embedded default the one ', h('code', {}, './tasker run'), ' prints (', h('code', {}, './tasker token'),
      ' makes another). It is kept for this browser tab only.'),
    error?.problem?.detail ? h('p', {class: 'problem'}, error.problem.detail) : '',
    h('label', {for: 'token'}, 'Token'), field,
    h('button', {type: 'submit'}, 'Sign in'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    session.signIn(field.value);
    show();
  });
  fill(main, form);
  field.focus();
}

function showWho() {
  const subject = session.token() ? session.subject() : null;
  fill(document.getElementById('who'), subject ? `Signed in as ${subject}` : '');
  document.getElementById('sign-out').hidden = !session.token();
}

/** Goes to a route of the dashboard (`#/tasks?status=error`). */
export function go(route) {
  if (window.location.hash === route) {
    show();
  } else {
    window.location.hash = route;
  }
}

// A link that ./tasker run prints carries the token in the fragment, which no server sees: keep it, drop it from
// the address (and the history), and show the tasks.
function takeOfferedToken() {
  const offered = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  if (offered) {
    session.signIn(offered);
    history.replaceState(null, '', '#/tasks');
  }
}
// The skip link moves the focus; it is not a route.
document.querySelector('.skip').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});
document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  signIn();
});
window.addEventListener('hashchange', show);
show();
