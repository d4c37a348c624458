// The tasks: the filters of GET /tasks, counts by status, pages by cursor (stable while tasks arrive) and a
// search by id. The filters live in the address (#/tasks?status=error&namespace=examples), so a view can be shared.
import {call} from './api.js';
import {failedIn, go} from './app.js';
import {badge, fill, h, states, table, when} from './dom.js';

const FILTERS = ['namespace', 'name', 'version', 'tag', 'created_after', 'created_before', 'sort_order'];
const PAGE = 25;

export async function render(main, _matched, query) {
  const filters = Object.fromEntries(FILTERS.map(name => [name, query.get(name) ?? '']));
  filters.status = query.getAll('status').flatMap(value => value.split(',')).filter(Boolean);
  const cursors = [];
  const countsArea = h('div', {class: 'counts', 'aria-label': 'Tasks by status'});
  const listArea = h('div', {'aria-live': 'polite'});
  fill(main,
    h('h1', {}, 'Tasks'),
    searchById(),
    await filterForm(filters),
    countsArea,
    listArea);

  async function showPage(cursor) {
    listArea.querySelectorAll('.pager button').forEach(button => {
      button.disabled = true;
    });
    try {
      const page = await call('tasks', {query: {...criteria(filters), status: filters.status, limit: PAGE, cursor}});
      fill(listArea, page.tasks.length ? taskTable(page) : h('p', {class: 'empty'}, 'No task matches.'),
        pager(page, cursor));
    } catch (error) {
      failedIn(listArea, error);
    }
  }

  // The page shown was read with `cursor`: "Next" keeps it for "Previous".
  function pager(page, cursor) {
    return h('div', {class: 'pager'},
      h('button', {type: 'button', disabled: !cursors.length, onclick: () => showPage(cursors.pop())},
        '‹ Previous'),
      h('span', {}, page.total === null ? page.total_note : `${page.total.toLocaleString()} matching`),
      h('button', {type: 'button', disabled: !page.next_cursor, onclick: () => {
        cursors.push(cursor);
        showPage(page.next_cursor);
      }}, 'Next ›'));
  }

  // Each page's cursor is kept when the next is shown, so "Previous" goes back to exactly that page.
  await Promise.all([showPage(undefined), counts(filters, countsArea)]);
}

function criteria(filters) {
  const chosen = {...filters};
  delete chosen.status;
  return chosen;
}

function searchById() {
  const field = h('input', {id: 'task-id', type: 'number', min: 1, inputmode: 'numeric', required: true,
    placeholder: 'Task id'});
  const form = h('form', {class: 'inline', role: 'search'},
    h('label', {for: 'task-id'}, 'Go to task'), field, h('button', {type: 'submit'}, 'Open'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    go(`#/tasks/${Number(field.value)}`);
  });
  return form;
}

async function filterForm(filters) {
  const namespaces = await call('namespaces').then(answer => answer.namespaces.map(one => one.name), () => []);
  const text = (name, label, attributes = {}) => h('div', {class: 'field'},
    h('label', {for: `filter-${name}`}, label),
    h('input', {id: `filter-${name}`, name, value: filters[name], ...attributes}));
  const moment = (name, label) => text(name, label, {type: 'datetime-local', step: 1,
    value: filters[name] ? localInput(filters[name]) : ''});
  const form = h('form', {class: 'filters', 'aria-label': 'Filters'},
    h('div', {class: 'field'},
      h('label', {for: 'filter-namespace'}, 'Namespace'),
      h('select', {id: 'filter-namespace', name: 'namespace'},
        h('option', {value: ''}, 'any'),
        [...new Set([...namespaces, filters.namespace].filter(Boolean))].map(namespace =>
          h('option', {value: namespace, selected: namespace === filters.namespace}, namespace)))),
    text('name', 'Name'),
    text('version', 'Version', {placeholder: '1.0.0'}),
    text('tag', 'Tag'),
    moment('created_after', 'Created after'),
    moment('created_before', 'Created before'),
    h('fieldset', {class: 'statuses'}, h('legend', {}, 'Status'),
      states().map(state => h('label', {},
        h('input', {type: 'checkbox', name: 'status', value: state, checked: filters.status.includes(state)}),
        badge(state)))),
    h('div', {class: 'field'},
      h('label', {for: 'filter-sort_order'}, 'Order'),
      h('select', {id: 'filter-sort_order', name: 'sort_order'},
        h('option', {value: 'desc', selected: filters.sort_order !== 'asc'}, 'newest first'),
        h('option', {value: 'asc', selected: filters.sort_order === 'asc'}, 'oldest first'))),
    h('div', {class: 'actions'},
      h('button', {type: 'submit'}, 'Apply'),
      h('button', {type: 'button', class: 'secondary', onclick: () => go('#/tasks')}, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = new URLSearchParams();
    for (const [name, value] of data) {
      if (value && !(name === 'sort_order' && value === 'desc')) {
        chosen.append(name, name.startsWith('created_') ? new Date(value).toISOString() : value);
      }
    }
    go(`#/tasks${chosen.size ? `?${chosen}` : ''}`);
  });
  return form;
}

// An ISO instant as a datetime-local input value, in the reader's time zone.
function localInput(iso) {
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
}

// How many tasks of each status match the other filters: one count per status, each a link that filters by it.
async function counts(filters, area) {
  const totals = await Promise.all(states().map(state =>
    call('tasks', {query: {...criteria(filters), status: state, limit: 1}})
      .then(page => page.total, () => undefined)));
  fill(area, states().map((state, index) => {
    if (totals[index] === undefined) {
      return '';
    }
    const others = new URLSearchParams(Object.entries(criteria(filters)).filter(([, value]) => value));
    others.set('status', state);
    return h('a', {href: `#/tasks?${others}`, class: 'count'}, badge(state), ' ',
      totals[index] === null ? '10,000+' : totals[index].toLocaleString());
  }));
}

function taskTable(page) {
  return table('Tasks, a page at a time', ['Task', 'Template', 'Status', 'Created', 'Finished', 'Tags', 'Reason'],
    page.tasks.map(task => h('tr', {},
      h('td', {}, h('a', {href: `#/tasks/${task.task_id}`}, `#${task.task_id}`)),
      h('td', {class: 'name'}, task.full_name),
      h('td', {}, badge(task.status)),
      h('td', {}, when(task.created_at)),
      h('td', {}, when(task.completed_at)),
      h('td', {}, task.tags.join(', ')),
      h('td', {class: 'name'}, task.reason ?? ''))));
}
