// Diagrams of a task's or a template's steps, drawn by Mermaid (WEB-INF/ui/vendor/mermaid, loaded on first use).
// The diagram's text is written here from the API's JSON: every name is put in as Mermaid's entity codes, so
// markup in it is drawn as text, and Mermaid runs at its strict security level.
import {h} from './dom.js';

let loading;
let drawn = 0;

function mermaid() {
  loading ??= new Promise((resolve, reject) => {
    const script = h('script', {src: 'vendor/mermaid/mermaid.min.js'});
    script.addEventListener('load', () => {
      window.mermaid.initialize({startOnLoad: false, securityLevel: 'strict', theme: 'neutral', htmlLabels: false,
        flowchart: {htmlLabels: false, useMaxWidth: true}});
      resolve(window.mermaid);
    });
    script.addEventListener('error', () => reject(new Error('the diagram renderer did not load')));
    document.head.append(script);
  });
  return loading;
}

// Letters, digits, spaces and harmless punctuation as they are; every other character as Mermaid's entity code,
// as the API's own diagrams do (io.tasker.rest.MermaidFlowchart): nothing in a label can be read as syntax.
function label(text) {
  return Array.from(String(text), character => /^[A-Za-z0-9 _.,:()\-/@']$/.test(character) ? character
    : `#${character.codePointAt(0)};`).join('');
}

const FILL = {
  pending: '#eceff1', in_progress: '#bbdefb', error: '#ffcdd2', complete: '#c8e6c9',
  resolved_manually: '#d1c4e9', cancelled: '#e0e0e0',
};

/**
 * A flowchart: `nodes` ({id, lines, state}) top to bottom along `edges` ({from, to} ids). The SVG drawn is
 * described for screen readers by `description`.
 */
export async function flowchart(nodes, edges, description) {
  const lines = ['flowchart TD'];
  nodes.forEach((node, index) => lines.push(`  n${index}["${node.lines.map(label).join('<br>')}"]`));
  const index = new Map(nodes.map((node, position) => [node.id, position]));
  edges.forEach(edge => lines.push(`  n${index.get(edge.from)} --> n${index.get(edge.to)}`));
  for (const [state, color] of Object.entries(FILL)) {
    lines.push(`  classDef ${state} fill:${color},stroke:#455a64,color:#102027`);
  }
  nodes.forEach((node, position) => FILL[node.state] && lines.push(`  class n${position} ${node.state}`));
  const figure = h('figure', {class: 'graph'}, h('figcaption', {class: 'visually-hidden'}, description));
  try {
    const renderer = await mermaid();
    const {svg} = await renderer.render(`graph-${++drawn}`, lines.join('\n'));
    // Mermaid's own output (HTML's SVG, not well-formed XML), from a text whose every value went in as entity
    // codes (above); a parsed document runs no script.
    const drawing = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
    drawing.setAttribute('role', 'img');
    drawing.setAttribute('aria-label', description);
    figure.append(document.importNode(drawing, true));
  } catch (error) {
    figure.append(h('p', {class: 'problem'}, `The diagram could not be drawn: ${error.message}`));
  }
  return figure;
}
