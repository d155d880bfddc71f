// Renders a chart's SVG tree (src/charts/svg.ts) with DOM calls: attributes with setAttribute and text
// with textContent, so no data is ever parsed as markup.
import { attrEntries, type SvgNode } from '../charts/svg.ts';

const NS = 'http://www.w3.org/2000/svg';

export function renderSvg(node: SvgNode): SVGElement {
  const e = document.createElementNS(NS, node.tag) as SVGElement;
  for (const [k, v] of attrEntries(node)) if (k !== 'xmlns') e.setAttribute(k, v);
  if (node.text !== undefined) e.textContent = node.text;
  for (const c of node.children ?? []) e.appendChild(renderSvg(c));
  return e;
}
