// One task: its graph, its steps (attempts, back-off, duration, results, last error and history of attempts), its
// transitions and context; the actions its caller's token permits and its state allows. While it is shown the
// page reads the task again every two seconds and redraws what changed.
import {call} from './api.js';
import {failedIn} from './app.js';
import {badge, duration, every, fill, h, json, notify, problem, table, when} from './dom.js';
import {flowchart} from './graph.js';

const REFRESH_MILLIS = 2000;

export async function render(main, [taskId]) {
  const areas = Object.fromEntries(['head', 'trouble', 'outcome', 'summary', 'attention', 'graph', 'steps',
    'timeline', 'context'].map(name => [name, h('section', {class: `task-${name}`})]));
  fill(main, Object.values(areas));
  const page = {taskId, areas, drawn: {}, openKeys: new Set(), task: null, transitions: null};
  await refresh(page);
  return every(REFRESH_MILLIS, () => refresh(page));
}

async function refresh(page) {
  try {
    const task = await call(`tasks/${page.taskId}`);
    const transitions = task.permitted.includes('tasker.transition:index')
      ? (await call(`tasks/${page.taskId}/transitions`)).transitions : null;
    page.task = task;
    page.transitions = transitions;
    fill(page.areas.trouble);
    draw(page, 'head', [task.task_id, task.full_name, task.status, task.permitted], () => head(page));
    draw(page, 'summary', task, () => summary(task));
    draw(page, 'attention', [task.status, task.permitted, failing(task)], () => attention(page));
    draw(page, 'graph', task.workflow_steps.map(step => [step.status, step.attempts]), () => graph(task));
    draw(page, 'steps', [task, transitions], () => steps(page));
    draw(page, 'timeline', transitions, () => timeline(transitions));
    draw(page, 'context', task.context, () => [h('h2', {}, 'Context'), json(task.context, 'context', page.openKeys)]);
  } catch (error) {
    // What was drawn stays; the failure shows above it until a refresh succeeds.
    failedIn(page.areas.trouble, error);
  }
}

// Redraws an area when what it shows changed, so an open fold or a focused button survives a refresh.
async function draw(page, area, data, content) {
  const key = JSON.stringify(data);
  if (page.drawn[area] === key) {
    return;
  }
  page.drawn[area] = key;
  fill(page.areas[area], await content());
}

function head(page) {
  const task = page.task;
  const may = permission => task.permitted.includes(permission);
  return [
    h('p', {class: 'crumbs'}, h('a', {href: '#/tasks'}, 'Tasks'), ' › ',
      h('a', {href: `#/tasks?namespace=${encodeURIComponent(task.namespace)}&name=${encodeURIComponent(task.name)}`},
        task.full_name)),
    h('h1', {}, `Task #${task.task_id} `, badge(task.status)),
    h('div', {class: 'actions'},
      may('tasker.task:retry') && task.status === 'error'
        ? actionButton(page, 'Retry task', {
          explain: 'The task becomes pending and each of its steps in error runs again, with a fresh attempt budget.',
          send: body => call(`tasks/${task.task_id}/retry`, {method: 'POST', body}),
          done: `Task #${task.task_id} retried`}) : '',
      may('tasker.task:cancel') && ['pending', 'in_progress'].includes(task.status)
        ? actionButton(page, 'Cancel task', {
          explain: 'The task and each of its unfinished steps are cancelled; nothing more of it runs.',
          send: body => call(`tasks/${task.task_id}`, {method: 'DELETE', query: {reason: body.reason}}),
          done: `Task #${task.task_id} cancelled`, danger: true}) : ''),
  ];
}

function summary(task) {
  const row = (label, value) => value === null || value === undefined || value === '' ? ''
    : [h('dt', {}, label), h('dd', {}, value)];
  return h('dl', {class: 'facts'},
    row('Template', task.full_name),
    row('Created', when(task.created_at)),
    row('Finished', when(task.completed_at)),
    row('Took', task.completed_at ? duration(Date.parse(task.completed_at) - Date.parse(task.created_at)) : ''),
    row('Initiator', task.initiator),
    row('Source system', task.source_system),
    row('Reason', task.reason),
    row('Tags', task.tags.join(', ')),
    row('Correlation id', task.correlation_id));
}

function failing(task) {
  return task.workflow_steps.filter(step => step.status === 'error');
}

// The steps in error first, each with its error and what can be done about it: what an operator came for.
function attention(page) {
  const steps = failing(page.task);
  if (!steps.length) {
    return '';
  }
  return [h('h2', {}, 'Needs attention'), steps.map(step => h('div', {class: 'failing'},
    h('h3', {}, step.name, ' ', badge(step.status), ' ', h('span', {class: 'hint'}, attempts(step))),
    step.last_error ? h('p', {class: 'error-text'}, step.last_error.message) : '',
    h('p', {class: 'hint'}, step.next_attempt_at ? ['Retries by itself at ', when(step.next_attempt_at), '.']
      : 'Will not run again by itself: retry it, or resolve it with the results its dependents need.'),
    stepActions(page, step)))];
}

async function graph(task) {
  const nodes = task.workflow_steps.map(step => ({
    id: step.workflow_step_id,
    state: step.status,
    lines: [step.name, `${step.status.replace('_', ' ')}, ${attempts(step)}`],
  }));
  const edges = task.workflow_steps.flatMap(step =>
    step.children_ids.map(child => ({from: step.workflow_step_id, to: child})));
  return [h('h2', {}, 'Graph'), await flowchart(nodes, edges,
    `Steps of task ${task.task_id} and their dependencies, coloured by status`)];
}

function attempts(step) {
  return `${step.attempts} of ${step.retry_limit} attempts`;
}

function steps(page) {
  const task = page.task;
  return [h('h2', {}, 'Steps'), table(`The ${task.workflow_steps.length} steps, in dependency order`,
    ['Step', 'Status', 'Attempts', 'Next attempt', 'Duration', 'Last error'],
    task.workflow_steps.flatMap(step => {
      const history = page.transitions?.filter(one => one.workflow_step_id === step.workflow_step_id) ?? null;
      return [
        h('tr', {id: `step-${step.workflow_step_id}`},
          h('th', {scope: 'row', class: 'name'}, step.name),
          h('td', {}, badge(step.status)),
          h('td', {}, attempts(step)),
          h('td', {}, step.next_attempt_at ? when(step.next_attempt_at) : ''),
          h('td', {}, duration(lastRun(history))),
          h('td', {class: 'error-text'}, step.last_error?.message ?? '')),
        h('tr', {class: 'step-detail'}, h('td', {colspan: 6}, stepDetail(page, step, history))),
      ];
    }))];
}

// How long the step's last attempt ran (still runs), from its transitions.
function lastRun(history) {
  const start = history?.findLastIndex(one => one.to_state === 'in_progress') ?? -1;
  if (start < 0) {
    return null;
  }
  const end = history.slice(start + 1).find(one => one.from_state === 'in_progress');
  return Date.parse(end?.at ?? new Date().toISOString()) - Date.parse(history[start].at);
}

function stepDetail(page, step, history) {
  const key = `step-${step.workflow_step_id}`;
  const details = h('details', {open: page.openKeys.has(key)},
    h('summary', {}, `Results, error and attempts of ${step.name}`),
    stepActions(page, step),
    h('h3', {}, 'Results'), step.results === null ? h('p', {}, 'None yet.') : json(step.results, `${key}-results`,
      page.openKeys),
    Object.keys(step.inputs ?? {}).length ? [h('h3', {}, 'Inputs'), json(step.inputs, `${key}-inputs`, page.openKeys)]
      : '',
    step.last_error ? [h('h3', {}, 'Last error'), h('dl', {class: 'facts'},
      h('dt', {}, 'Message'), h('dd', {class: 'error-text'}, step.last_error.message),
      h('dt', {}, 'Class'), h('dd', {}, step.last_error.error_class ?? ''),
      h('dt', {}, 'Attempt'), h('dd', {}, String(step.last_error.attempt ?? '')),
      h('dt', {}, 'At'), h('dd', {}, when(step.last_error.at)))] : '',
    h('h3', {}, 'Attempts and actions'), attemptHistory(history));
  details.addEventListener('toggle', () => details.open ? page.openKeys.add(key) : page.openKeys.delete(key));
  return details;
}

function attemptHistory(history) {
  if (history === null) {
    return h('p', {}, 'Your token does not permit reading the transitions, where the attempts are.');
  }
  const ends = history.filter(one => one.from_state === 'in_progress' || one.actor || one.metadata?.action);
  if (!ends.length) {
    return h('p', {}, 'No attempt has ended yet.');
  }
  return h('ol', {class: 'attempts'}, ends.map(one => h('li', {},
    when(one.at), ' ',
    one.metadata?.attempt ? `attempt ${one.metadata.attempt}: ` : '',
    badge(one.to_state),
    one.actor ? ` by ${one.actor}` : '', one.reason ? ` (${one.reason})` : '',
    one.metadata?.error_message ? h('div', {class: 'error-text'}, one.metadata.error_message) : '',
    one.metadata?.backoff_seconds ? h('div', {}, `back-off ${one.metadata.backoff_seconds} s`) : '')));
}

function stepActions(page, step) {
  const task = page.task;
  const may = permission => task.permitted.includes(permission);
  const path = `tasks/${task.task_id}/workflow_steps/${step.workflow_step_id}`;
  const open = !['complete', 'cancelled'].includes(task.status);
  return h('div', {class: 'actions'},
    may('tasker.workflow_step:retry') && step.status === 'error' && open ? actionButton(page, 'Retry step', {
      explain: `${step.name} becomes pending and runs again now, with as many attempts again as its template allows.`,
      json: {name: 'inputs', label: 'New inputs (optional JSON object the handler reads as its inputs)'},
      send: body => call(`${path}/retry`, {method: 'POST', body}),
      done: `Step ${step.name} retried`}) : '',
    may('tasker.workflow_step:resolve') && ['pending', 'error'].includes(step.status) && open
      ? actionButton(page, 'Resolve step', {
        explain: `${step.name} becomes resolved by hand with the results you give; the steps after it run and read `
          + 'them as a completed step\'s.',
        json: {name: 'results', label: 'Results (JSON object)', required: true},
        send: body => call(`${path}/resolve`, {method: 'POST', body}),
        done: `Step ${step.name} resolved`}) : '',
    may('tasker.workflow_step:cancel') && step.status === 'pending' && open ? actionButton(page, 'Cancel step', {
      explain: `${step.name} is cancelled, and so is every step that depends on it.`,
      send: body => call(path, {method: 'DELETE', query: {reason: body.reason}}),
      done: `Step ${step.name} cancelled`, danger: true}) : '');
}

/**
 * A button that opens a dialog asking for a reason (and a JSON field some actions take), then confirms, sends,
 * and says what became of it, with the transition it made.
 */
function actionButton(page, title, action) {
  return h('button', {type: 'button', class: action.danger ? 'danger' : '', onclick: () => ask(page, title, action)},
    title);
}

function ask(page, title, action) {
  const reason = h('textarea', {id: 'action-reason', name: 'reason', rows: 2, maxlength: 128, required: true});
  const extra = action.json ? h('textarea', {id: 'action-json', rows: 6, required: action.json.required,
    spellcheck: 'false', placeholder: '{"key": "value"}'}) : null;
  const message = h('div', {'aria-live': 'assertive'});
  const dialog = h('dialog', {class: 'action', 'aria-labelledby': 'action-title'});
  const confirm = h('button', {type: 'submit', class: action.danger ? 'danger' : ''}, `Yes, ${title.toLowerCase()}`);
  const form = h('form', {method: 'dialog'},
    h('h2', {id: 'action-title'}, `${title}?`),
    h('p', {}, action.explain),
    h('label', {for: 'action-reason'}, 'Reason (recorded with the change)'), reason,
    extra ? [h('label', {for: 'action-json'}, action.json.label), extra] : '',
    message,
    h('div', {class: 'actions'},
      confirm,
      h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close()}, 'Back')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {reason: reason.value.trim()};
    if (!body.reason) {
      fill(message, h('p', {class: 'problem', role: 'alert'}, 'Give a reason: it is recorded with the change.'));
      reason.focus();
      return;
    }
    if (extra && extra.value.trim()) {
      try {
        const value = JSON.parse(extra.value);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw new Error('a JSON object is needed, like {"key": "value"}');
        }
        body[action.json.name] = value;
      } catch (error) {
        fill(message, h('p', {class: 'problem', role: 'alert'}, `${action.json.label}: ${error.message}`));
        extra.focus();
        return;
      }
    }
    const before = page.transitions?.length ?? 0;
    confirm.disabled = true;
    try {
      await action.send(body);
    } catch (error) {
      fill(message, problem(error));
      confirm.disabled = false;
      return;
    }
    dialog.close();
    await refresh(page);
    outcome(page, action.done, (page.transitions ?? []).slice(before).filter(one => one.metadata?.action));
  });
  dialog.append(form);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
}

function outcome(page, done, made) {
  notify(`${done}.`);
  const said = h('div', {class: 'outcome', role: 'status', tabindex: -1},
    h('strong', {}, `${done}.`),
    made.length ? h('ul', {}, made.map(one => h('li', {},
      one.step_name ?? 'task', ': ', one.from_state ? badge(one.from_state) : '', ' → ', badge(one.to_state),
      one.actor ? ` by ${one.actor}` : '', one.reason ? ` (${one.reason})` : '', ', ', when(one.at))))
      : '');
  fill(page.areas.outcome, said);
  // The button that opened the dialog may be gone with the state it acted on: the focus goes to what happened.
  said.focus();
}

function timeline(transitions) {
  if (transitions === null) {
    return [h('h2', {}, 'Transitions'), h('p', {}, 'Your token does not permit reading the transitions.')];
  }
  return [h('h2', {}, 'Transitions'), table('Every change of state, oldest first',
    ['At', 'Of', 'Change', 'By', 'Why', 'Details'],
    transitions.map((one, index) => h('tr', {},
      h('td', {}, when(one.at)),
      h('td', {class: 'name'}, one.step_name ?? 'task'),
      h('td', {}, one.from_state ? badge(one.from_state) : '', ' → ', badge(one.to_state)),
      h('td', {}, one.actor ?? ''),
      h('td', {class: 'name'}, one.reason ?? ''),
      h('td', {}, Object.keys(one.metadata ?? {}).length ? json(one.metadata, `transition-${index}`) : ''))))];
}
