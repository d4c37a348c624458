// The system at a glance: tasks and steps by status, retries due and waiting (GET /health/status), the task
// runner's queue depth and the dead letters (from the metrics), and the metrics and the API's document themselves.
import {apiUrl, call} from './api.js';
import {failedIn} from './app.js';
import {badge, every, fill, h, states, table, when} from './dom.js';

const REFRESH_MILLIS = 5000;

export async function render(main) {
  const statusArea = h('section', {});
  const queueArea = h('section', {});
  fill(main, h('h1', {}, 'System'), statusArea, queueArea,
    h('section', {}, h('h2', {}, 'More'),
      apiDocument('metrics', 'The metrics', 'text/plain', 'Prometheus text, for your Prometheus to scrape with a token '
        + 'granting tasker.metrics:index'),
      apiDocument('openapi', 'The API\'s OpenAPI document', 'application/json', 'for your clients\' generators; '
        + 'needs tasker.openapi:show'),
      h('p', {}, h('a', {href: apiUrl('health/ready')}, 'Readiness'), ' (open to anyone, as probes need).')));
  const update = () => Promise.all([status(statusArea), queues(queueArea)]);
  await update();
  return every(REFRESH_MILLIS, update);
}

async function status(area) {
  try {
    const counts = await call('health/status');
    const byState = (title, of) => table(title, ['Status', 'Count'], states().map(state => h('tr', {},
      h('td', {}, badge(state)), h('td', {class: 'number'}, (of[state] ?? 0).toLocaleString()))));
    fill(area, h('h2', {}, 'Work'),
      h('div', {class: 'columns'}, byState('Tasks by status', counts.tasks), byState('Steps by status', counts.steps)),
      h('dl', {class: 'facts'},
        h('dt', {}, 'Retries due'), h('dd', {}, String(counts.retries_due)),
        h('dt', {}, 'Retries waiting on their back-off'), h('dd', {}, String(counts.retries_waiting)),
        h('dt', {}, 'Oldest pending task'), h('dd', {}, counts.oldest_pending_task_at
          ? when(counts.oldest_pending_task_at) : 'none'),
        h('dt', {}, 'Counted at'), h('dd', {}, when(counts.at))));
  } catch (error) {
    failedIn(area, error);
  }
}

// One of the API's documents: its address, and a button that reads it with this tab's token and shows it (a link
// alone would be refused: a browser sends no token when it follows one).
function apiDocument(path, title, type, purpose) {
  const shown = h('div', {});
  const button = h('button', {type: 'button', class: 'secondary', onclick: async () => {
    button.disabled = true;
    try {
      const text = await call(path, {accept: type});
      fill(shown, h('pre', {class: 'json'}, typeof text === 'string' ? text : JSON.stringify(text, null, 2)));
    } catch (error) {
      failedIn(shown, error);
    } finally {
      button.disabled = false;
    }
  }}, `Show ${title.toLowerCase()}`);
  return h('div', {class: 'document'}, h('h3', {}, title), h('p', {}, h('code', {}, apiUrl(path)), `: ${purpose}.`),
    button, shown);
}

// The queue gauges of the Prometheus text: tasker_queue_messages{queue="..."}.
async function queues(area) {
  try {
    const text = await call('metrics', {accept: 'text/plain'});
    // NaN while the broker does not answer.
    const depths = [...text.matchAll(/^tasker_queue_messages\{([^}]*)\} ([0-9.eE+-]+|NaN)$/gm)].map(line => ({
      queue: /queue="([^"]*)"/.exec(line[1])?.[1] ?? '?', messages: Number(line[2])}));
    fill(area, h('h2', {}, 'Queues'), depths.length ? table('Messages waiting on each queue (DLQ: dead letters)',
      ['Queue', 'Messages'], depths.map(depth => h('tr', {class: depth.queue === 'DLQ' && depth.messages > 0
        ? 'alert' : ''},
        h('td', {class: 'name'}, depth.queue), h('td', {class: 'number'},
          Number.isNaN(depth.messages) ? 'unavailable' : depth.messages.toLocaleString()))))
      : h('p', {}, 'The metrics carry no queue gauge.'));
  } catch (error) {
    failedIn(area, error);
  }
}
