// Page building blocks. Every value is put in the page as text (a text node or an attribute), never parsed as
// markup: a task's context, results, error messages and names show as they are, whatever they contain.

const SAFE_LINK = /^(#|\.\.\/|https?:\/\/)/;

/** An element with attributes (`on...` ones are listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'href' && !SAFE_LINK.test(value)) {
      throw new Error(`refused link ${value}`);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const STATES = ['pending', 'in_progress', 'error', 'complete', 'resolved_manually', 'cancelled'];

/** The states of tasks and steps, in the order a run goes through them. */
export function states() {
  return STATES;
}

/** A state as a coloured badge, its name in words. */
export function badge(state) {
  return h('span', {class: `badge state-${STATES.includes(state) ? state : 'unknown'}`}, state.replace('_', ' '));
}

/** A moment in the reader's time zone, exact to the second, with the full value on hover. */
export function when(iso) {
  if (!iso) {
    return '';
  }
  const at = new Date(iso);
  return h('time', {datetime: iso, title: iso}, at.toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'}));
}

/** A duration in words: 850 ms, 12.4 s, 3 min 5 s. */
export function duration(millis) {
  if (millis === null || millis === undefined || Number.isNaN(millis)) {
    return '';
  }
  if (millis < 1000) {
    return `${Math.max(0, Math.round(millis))} ms`;
  }
  if (millis < 60_000) {
    return `${(millis / 1000).toFixed(1)} s`;
  }
  const seconds = Math.round(millis / 1000);
  return seconds < 3600 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s`
    : `${Math.floor(seconds / 3600)} h ${Math.floor(seconds % 3600 / 60)} min`;
}

/**
 * A JSON value, indented; one longer than a few lines is folded under a summary that says its size. `key` keeps a
 * block open across redraws of a page that updates itself.
 */
export function json(value, key, openKeys) {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  const block = h('pre', {class: 'json'}, text);
  if (text.split('\n').length <= 6 && text.length <= 300) {
    return block;
  }
  const size = Array.isArray(value) ? `${value.length} items` : `${Object.keys(value ?? {}).length} fields`;
  const details = h('details', {class: 'json-fold', open: openKeys?.has(key)},
    h('summary', {}, `JSON, ${size}, ${text.length.toLocaleString()} characters`), block);
  details.addEventListener('toggle', () => details.open ? openKeys?.add(key) : openKeys?.delete(key));
  return details;
}

/** A table whose columns scroll sideways on a narrow screen rather than break the page. */
export function table(caption, headings, rows) {
  return h('div', {class: 'table-scroll'},
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headings.map(heading => h('th', {scope: 'col'}, heading)))),
      h('tbody', {}, rows)));
}

/** A problem document (or any failure) as a message with each offending field. */
export function problem(error) {
  const body = error.problem ?? {};
  return h('div', {class: 'problem', role: 'alert'},
    h('strong', {}, body.title ?? 'Failed'), ' ', body.detail ?? error.message,
    (body.errors ?? []).length ? h('ul', {}, body.errors.map(item =>
      h('li', {}, item.field ? h('code', {}, item.field) : '', item.field ? ': ' : '', item.message))) : '');
}

/**
 * Runs `work` now and again `millis` after each run has finished (never two at once, never while the tab is
 * hidden); the function returned stops it.
 */
export function every(millis, work) {
  let timer;
  let stopped = false;
  const next = () => {
    if (!stopped) {
      timer = setTimeout(run, millis);
    }
  };
  const run = () => document.hidden ? next() : Promise.resolve(work()).finally(next);
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Shows a short message in the page's status line. */
export function notify(message, kind = 'info') {
  const notice = document.getElementById('notice');
  fill(notice, h('span', {class: `notice-${kind}`}, message));
}
