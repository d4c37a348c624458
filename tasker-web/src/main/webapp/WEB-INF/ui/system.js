// The system at a glance: tasks and steps by status, retries due and waiting (GET /health/status), the task
// runner's queue depth and the dead letters (from the metrics), and links to the metrics and the API's document.
import {apiUrl, call} from './api.js';
import {failedIn} from './app.js';
import {badge, every, fill, h, states, table, when} from './dom.js';

const REFRESH_MILLIS = 5000;

export async function render(main) {
  const statusArea = h('section', {});
  const queueArea = h('section', {});
  fill(main, h('h1', {}, 'System'), statusArea, queueArea,
    h('section', {}, h('h2', {}, 'More'), h('ul', {},
      h('li', {}, h('a', {href: apiUrl('metrics')}, 'Metrics'), ' (Prometheus text; needs a token with ',
        h('code', {}, 'tasker.metrics:index'), ', so open it with curl or your Prometheus)'),
      h('li', {}, h('a', {href: apiUrl('openapi')}, 'The API\'s OpenAPI document'), ' (needs ',
        h('code', {}, 'tasker.openapi:show'), ')'),
      h('li', {}, h('a', {href: apiUrl('health/ready')}, 'Readiness'), ' (open to anyone)'))));
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
