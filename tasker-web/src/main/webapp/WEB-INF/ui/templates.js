// The templates: namespaces, names and versions (in semantic order, as the API gives them); one template's graph,
// step settings and context schema, and a form that creates a task from it (the server validates; its errors
// are shown by field).
import {call} from './api.js';
import {failedIn, go} from './app.js';
import {fill, h, json, table} from './dom.js';
import {flowchart} from './graph.js';

export async function render(main) {
  const {namespaces} = await call('namespaces');
  fill(main, h('h1', {}, 'Templates'),
    namespaces.length ? namespaces.map(namespace => h('section', {},
      h('h2', {}, namespace.name),
      table(`Templates of ${namespace.name}`, ['Name', 'Versions'], namespace.tasks.map(task => h('tr', {},
        h('th', {scope: 'row', class: 'name'}, h('a', {href: link(namespace.name, task.name)}, task.name)),
        h('td', {}, task.versions.map((version, index) => [index ? ', ' : '',
          h('a', {href: link(namespace.name, task.name, version)}, version)])))))))
      : h('p', {class: 'empty'}, 'No template is registered (or none in the namespaces your token reaches).'));
}

function link(namespace, name, version) {
  return `#/templates/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`
    + (version ? `?version=${encodeURIComponent(version)}` : '');
}

export const one = {
  async render(main, [namespace, name], query) {
    const template = await call(`handlers/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
      {query: {version: query.get('version')}});
    const graph = await flowchart(template.graph.nodes.map(step => ({id: step, lines: [step]})),
      template.graph.edges, `Steps of ${template.full_name} and their dependencies`);
    fill(main,
      h('p', {class: 'crumbs'}, h('a', {href: '#/templates'}, 'Templates'), ' › ', template.namespace),
      h('h1', {class: 'name'}, template.full_name),
      template.description ? h('p', {}, template.description) : '',
      h('p', {}, 'Versions: ', template.versions.map((version, index) => [index ? ', ' : '',
        version === template.version ? h('strong', {}, version)
          : h('a', {href: link(template.namespace, template.name, version)}, version)])),
      h('p', {}, h('a', {href: `#/tasks?namespace=${encodeURIComponent(template.namespace)}`
        + `&name=${encodeURIComponent(template.name)}&version=${encodeURIComponent(template.version)}`},
      'Tasks of this version')),
      h('h2', {}, 'Graph'), graph,
      h('h2', {}, 'Steps'),
      table('Each step\'s settings', ['Step', 'Depends on', 'Retryable', 'Attempts', 'Skippable', 'Timeout',
        'Handler', 'System'], template.steps.map(step => h('tr', {},
        h('th', {scope: 'row', class: 'name'}, step.name, step.description ? h('div', {class: 'hint'},
          step.description) : ''),
        h('td', {class: 'name'}, step.depends_on.join(', ')),
        h('td', {}, step.retryable ? 'yes' : 'no'),
        h('td', {}, String(step.retry_limit)),
        h('td', {}, step.skippable ? 'yes' : 'no'),
        h('td', {}, step.timeout_seconds ? `${step.timeout_seconds} s` : ''),
        h('td', {class: 'name'}, step.handler_class ?? ''),
        h('td', {class: 'name'}, step.dependent_system ?? '')))),
      h('h2', {}, 'Context schema'),
      template.context_schema ? json(template.context_schema, 'schema', new Set()) : h('p', {}, 'None: any JSON '
        + 'object is accepted.'),
      template.permitted.includes('tasker.task:create') ? createForm(template) : '');
  },
};

function createForm(template) {
  // Each field with a place for the server's complaints about it.
  const complaints = new Map();
  const field = (id, label, control, hint) => {
    const said = h('div', {id: `${id}-errors`, class: 'field-errors', role: 'alert'});
    complaints.set(control, said);
    return h('div', {class: 'field'}, h('label', {for: id}, label), control, hint ? h('div', {class: 'hint'}, hint)
      : '', said);
  };
  const context = h('textarea', {id: 'create-context', rows: 8, spellcheck: 'false'}, '{}');
  const tags = h('input', {id: 'create-tags', placeholder: 'nightly, ops'});
  const initiator = h('input', {id: 'create-initiator', maxlength: 128});
  const reason = h('input', {id: 'create-reason', maxlength: 128});
  const message = h('div', {'aria-live': 'assertive'});
  const form = h('form', {class: 'create', 'aria-labelledby': 'create-title'},
    h('h2', {id: 'create-title'}, `Create a task of ${template.full_name}`),
    field('create-context', 'Context (JSON object)', context, template.context_schema
      ? 'Checked against the schema above.' : ''),
    field('create-tags', 'Tags (comma-separated)', tags),
    field('create-initiator', 'Initiator', initiator),
    field('create-reason', 'Reason', reason),
    message,
    h('button', {type: 'submit'}, 'Create task'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    let parsed;
    try {
      parsed = JSON.parse(context.value);
    } catch (error) {
      fill(message, h('p', {class: 'problem', role: 'alert'}, `Context: not JSON (${error.message})`));
      context.focus();
      return;
    }
    const body = {namespace: template.namespace, name: template.name, version: template.version, context: parsed,
      tags: tags.value.split(',').map(tag => tag.trim()).filter(Boolean)};
    if (initiator.value.trim()) {
      body.initiator = initiator.value.trim();
    }
    if (reason.value.trim()) {
      body.reason = reason.value.trim();
    }
    try {
      const task = await call('tasks', {method: 'POST', body});
      go(`#/tasks/${task.task_id}`);
    } catch (error) {
      showComplaints(complaints, {'context': context, 'tags': tags, 'initiator': initiator, 'reason': reason},
        error);
      failedIn(message, error);
    }
  });
  return form;
}

// The server's errors next to the fields they name (`/context/...` is a place in the context); the first field
// with one takes the focus.
function showComplaints(complaints, controls, error) {
  complaints.forEach((said, control) => {
    fill(said);
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  });
  for (const item of error.problem?.errors ?? []) {
    const name = (item.field ?? '').replace(/^\//, '').split('/')[0];
    const control = controls[name];
    if (control) {
      complaints.get(control).append(h('div', {}, item.field.startsWith('/') ? h('code', {}, item.field) : '',
        item.field.startsWith('/') ? ': ' : '', item.message));
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', complaints.get(control).id);
    }
  }
  Object.values(controls).find(control => control.getAttribute('aria-invalid'))?.focus();
}
