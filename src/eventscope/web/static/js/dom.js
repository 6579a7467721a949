// Building DOM nodes. Data is only ever inserted as text nodes or attribute values,
// never parsed as HTML: article text may hold markup and must show as written.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function setAttributes(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "style") {
      // Through the CSSOM: the Content-Security-Policy blocks inline style attributes.
      Object.assign(node.style, value);
    } else if (name === "dataset") {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  return node;
}

/** An HTML element: h("button", {type: "button", onclick: f}, "Label"). */
export function h(tag, attrs = {}, ...children) {
  return append(setAttributes(document.createElement(tag), attrs), children);
}

/** An SVG element, same calling convention as h(). */
export function s(tag, attrs = {}, ...children) {
  return append(setAttributes(document.createElementNS(SVG_NS, tag), attrs), children);
}

/** Replace all children of `node`. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

export const byId = (id) => document.getElementById(id);

/** "Sergey Lavrov (RUS GOV)" for an actor {name, country, sector}, "—" when there is none. */
export function actorLabel(actor) {
  if (!actor) return "—";
  const tags = [actor.country, actor.sector].filter(Boolean).join(" ");
  if (actor.name) return tags ? `${actor.name} (${tags})` : actor.name;
  return tags || "—";
}
