// The network: countries (by default) or actors as nodes sized by their number of events,
// interactions as edges coloured by mean intensity (red conflict … green cooperation), laid
// out by a small force simulation with a fixed number of steps. The graph comes from
// /api/network, the analysis `eventscope network` shares. Choosing a node filters the table.

import { getJSON } from "./api.js";
import { byId, fill, h, s } from "./dom.js";
import { intensityColour } from "./plover.js";
import { currentState, navigate } from "./state.js";
import { withLoading, placeholder } from "./ui.js";

const MAX_NODES = 300;
const LABELLED = 30; // in a large network the most active nodes show their label; the rest on hover
const LABEL_ALL = 40; // up to this many nodes, every one is labelled
const PAD = 24;
const LABEL_HEIGHT = 13;
const CHAR_WIDTH = 6.6; // an upper bound at the 11px label font, where it cannot be measured
const LABEL_CHARS = 24;
const ITERATIONS = 300;
const GRAVITY = 0.6; // pull to the centre, so separate groups do not drift apart

/** The drawing area: the region's own width in pixels, so labels show at their real size. */
export function canvas(regionWidth) {
  const width = Math.round(Math.max(600, regionWidth || 820));
  return { width, height: Math.round(width * 0.62) };
}

/** Circle radius by events relative to the busiest node; smaller circles in larger graphs. */
export function radiusScale(nodes) {
  const most = Math.max(1, ...nodes.map((node) => node.events));
  const largest = nodes.length <= LABEL_ALL ? 24 : nodes.length <= 100 ? 16 : 10;
  return (events) => 4 + (largest - 4) * Math.sqrt(events / most);
}

/**
 * Fruchterman–Reingold layout: nodes repel, edges pull, a pull to the centre keeps
 * separate groups together; the result is scaled into the box. Deterministic: the same
 * graph always gets the same picture.
 */
export function layout(nodes, edges, box) {
  const n = nodes.length;
  const k = Math.sqrt((box.width * box.height) / Math.max(1, n)) * 0.6;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const pos = nodes.map((_, i) => ({
    x: box.width / 2 + (box.width / 3) * Math.cos((2 * Math.PI * i) / Math.max(1, n)),
    y: box.height / 2 + (box.height / 3) * Math.sin((2 * Math.PI * i) / Math.max(1, n)),
  }));
  for (let step = 0; step < ITERATIONS; step += 1) {
    const shift = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y || 0.01;
        const d = Math.max(1, Math.hypot(dx, dy));
        const push = (k * k) / d;
        shift[i].x += (dx / d) * push; shift[i].y += (dy / d) * push;
        shift[j].x -= (dx / d) * push; shift[j].y -= (dy / d) * push;
      }
    }
    for (const edge of edges) {
      const i = index.get(edge.a);
      const j = index.get(edge.b);
      const dx = pos[i].x - pos[j].x;
      const dy = pos[i].y - pos[j].y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const pull = ((d * d) / k) * (1 + Math.log(edge.events)) * 0.5;
      shift[i].x -= (dx / d) * pull; shift[i].y -= (dy / d) * pull;
      shift[j].x += (dx / d) * pull; shift[j].y += (dy / d) * pull;
    }
    const temperature = (box.width / 10) * (1 - step / ITERATIONS);
    pos.forEach((p, i) => {
      shift[i].x += (box.width / 2 - p.x) * GRAVITY;
      shift[i].y += (box.height / 2 - p.y) * GRAVITY;
      const length = Math.max(0.01, Math.hypot(shift[i].x, shift[i].y));
      const move = Math.min(length, temperature);
      p.x += (shift[i].x / length) * move;
      p.y += (shift[i].y / length) * move;
    });
  }
  return fitToBox(pos, box);
}

/** Scale positions to fill the drawing area, leaving room for labels at its edges. */
function fitToBox(pos, box) {
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const fit = (v, min, max, lo, hi) => (max - min < 1 ? (lo + hi) / 2 : lo + ((v - min) / (max - min)) * (hi - lo));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const padX = PAD + (LABEL_CHARS * CHAR_WIDTH) / 2;
  return pos.map((p) => ({
    x: fit(p.x, x0, x1, padX, box.width - padX),
    y: fit(p.y, y0, y1, PAD + LABEL_HEIGHT, box.height - PAD - LABEL_HEIGHT),
  }));
}

const shortLabel = (text) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

let measure = null;

/** The width of a label at the 11px label font (measured on a canvas when there is one). */
function labelWidth(text) {
  measure ??= document.createElement("canvas").getContext("2d");
  if (!measure) return text.length * CHAR_WIDTH;
  measure.font = `11px ${getComputedStyle(document.body).fontFamily}`;
  return measure.measureText(text).width + 2;
}

const overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export const labelledCount = (n) => (n <= LABEL_ALL ? n : LABELLED);

/** Spots for a label of width `w` around a circle of radius r at (x, y), nearest first. */
function labelSpots(x, y, r, w) {
  const spots = [];
  for (let k = 0; k < 10; k += 1) {
    const dy = k * LABEL_HEIGHT;
    const below = y + r + 11 + dy;
    const above = y - r - 4 - dy;
    spots.push(
      { x, y: below, anchor: "middle", box: { x0: x - w / 2, x1: x + w / 2, y0: below - 11, y1: below + 3 } },
      { x, y: above, anchor: "middle", box: { x0: x - w / 2, x1: x + w / 2, y0: above - 11, y1: above + 3 } },
      { x: x + r + 3, y: y + 4 + (k % 2 ? dy : -dy), anchor: "start" },
      { x: x - r - 3, y: y + 4 + (k % 2 ? dy : -dy), anchor: "end" },
    );
  }
  for (const spot of spots) {
    if (spot.box) continue;
    const x0 = spot.anchor === "start" ? spot.x - 1 : spot.x - w - 1;
    spot.box = { x0, x1: x0 + w + 2, y0: spot.y - 11, y1: spot.y + 3 };
  }
  return spots;
}

/**
 * Where each labelled node (all up to LABEL_ALL, else the first LABELLED) puts its label:
 * the nearest spot around its circle that overlaps no label placed before it and, if
 * possible, no circle.
 * Returns Map(node id -> {x, y, anchor}).
 */
export function placeLabels(nodes, pos, box, radius) {
  const circles = nodes.map((node, i) => {
    const r = radius(node.events);
    return { x0: pos[i].x - r, x1: pos[i].x + r, y0: pos[i].y - r, y1: pos[i].y + r };
  });
  const placed = [];
  const chosen = new Map();
  nodes.slice(0, labelledCount(nodes.length)).forEach((node, i) => {
    const w = labelWidth(shortLabel(node.label));
    const spots = labelSpots(pos[i].x, pos[i].y, radius(node.events), w)
      .filter((o) => o.box.x0 >= 0 && o.box.x1 <= box.width && o.box.y0 >= 0 && o.box.y1 <= box.height);
    const clear = (o) => !placed.some((b) => overlaps(o.box, b));
    const spot = spots.find((o) => clear(o) && !circles.some((c, j) => j !== i && overlaps(o.box, c)))
      ?? spots.find(clear) ?? spots[0];
    if (!spot) return;
    placed.push(spot.box);
    chosen.set(node.id, spot);
  });
  return chosen;
}

/** Filter the table to a node: a named actor by name, a country or group by its country. */
function chooseNode(node) {
  const filter = node.name ? { actor: node.name } : node.country ? { country: node.country } : { actor: node.id };
  navigate({ view: "events", filters: { ...currentState().filters, ...filter }, offset: 0 });
}

/** "Sergey Lavrov (RUS GOV)", "SYR GOV", "Syria (SYR)". */
function nodeName(node) {
  if (!node.name) return node.id === node.country ? `${node.label} (${node.country})` : node.label;
  const tags = [node.country, node.sector].filter(Boolean).join(" ");
  return tags ? `${node.name} (${tags})` : node.name;
}

function nodeGroup(node, p, spot, r) {
  const name = nodeName(node);
  const labelAt = { x: p.x, y: p.y + r + 11, anchor: "middle" };
  return s("g", {
    class: spot ? "node labelled" : "node", role: "button", tabindex: "0", "data-actor": node.id,
    "aria-label": `${name}: ${node.events} events. Press Enter to filter the table to it.`,
    onclick: () => chooseNode(node),
    onkeydown: (key) => {
      if (key.key === "Enter" || key.key === " ") { key.preventDefault(); chooseNode(node); }
    },
  },
  s("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1) }),
  spot ? null : labelText(node, labelAt),
  s("title", {}, `${name}: ${node.events} events`));
}

function labelText(node, at) {
  return s("text", { x: at.x.toFixed(1), y: at.y.toFixed(1), "text-anchor": at.anchor, "data-actor": node.id },
    shortLabel(node.label));
}

function edgeLine(edge, pa, pb, labels) {
  const mean = edge.mean_intensity === null ? "unknown" : edge.mean_intensity.toFixed(1);
  const pair = `${labels.get(edge.a)} – ${labels.get(edge.b)}`;
  return s("line", {
    x1: pa.x, y1: pa.y, x2: pb.x, y2: pb.y, class: "edge",
    stroke: intensityColour(edge.mean_intensity), "stroke-width": Math.min(10, 1 + 1.5 * Math.log2(edge.events + 1)),
  }, s("title", {}, `${pair}: ${edge.events} interactions, mean intensity ${mean}`));
}

function drawGraph(graph, regionWidth) {
  const box = canvas(regionWidth);
  const radius = radiusScale(graph.nodes);
  const pos = layout(graph.nodes, graph.edges, box);
  const at = new Map(graph.nodes.map((node, i) => [node.id, pos[i]]));
  const spots = placeLabels(graph.nodes, pos, box, radius);
  const labels = new Map(graph.nodes.map((node) => [node.id, node.label]));
  // Busier nodes drawn last (on top); the shown labels above every circle.
  const order = graph.nodes.map((node, i) => i).reverse();
  return s("svg", {
    class: "network", viewBox: `0 0 ${box.width} ${box.height}`, role: "group", "data-level": graph.level,
    "aria-label": `Network of ${graph.nodes.length} ${graph.level === "country" ? "countries" : "actors"} `
      + `and ${graph.edges.length} interactions`,
  },
  s("g", { class: "edges" }, graph.edges.map((edge) => edgeLine(edge, at.get(edge.a), at.get(edge.b), labels))),
  s("g", { class: "nodes" }, order.map((i) => {
    const node = graph.nodes[i];
    return nodeGroup(node, pos[i], spots.get(node.id), radius(node.events));
  })),
  s("g", { class: "labels", "aria-hidden": "true" },
    graph.nodes.filter((node) => spots.has(node.id)).map((node) => labelText(node, spots.get(node.id)))));
}

function nodeList(nodes) {
  return nodes.map((node) => h("li", {}, h("button", {
    type: "button", class: "link-button", onclick: () => chooseNode(node),
  }, `${nodeName(node)} — ${node.events}`)));
}

function showLevel(level) {
  for (const button of document.querySelectorAll(".toggle button")) {
    button.setAttribute("aria-pressed", String(button.dataset.level === level));
  }
}

export function initNetwork() {
  for (const button of document.querySelectorAll(".toggle button")) {
    button.addEventListener("click", () => navigate({ view: "network", level: button.dataset.level }));
  }
}

export async function renderNetwork(state) {
  const region = byId("network-region");
  showLevel(state.level);
  const params = { ...state.filters, level: state.level, max_nodes: MAX_NODES };
  delete params.by;
  const graph = await withLoading(region, "the network", () => getJSON("/api/network", params, "network"));
  if (!graph) return;
  const what = graph.level === "country" ? "countries" : "actors";
  const unit = graph.count === "events" ? "events (merged mentions once)" : "event mentions";
  const shown = graph.nodes.length < graph.total_nodes ? ` (the ${graph.nodes.length} most active shown)` : "";
  const labels = graph.nodes.length > LABEL_ALL ? `; the ${LABELLED} most active are labelled, hover for the rest` : "";
  byId("network-note").textContent = `${graph.total_nodes} ${what} in ${graph.events} ${unit}${shown}${labels}. `
    + "Choose one to filter the events table.";
  fill(byId("actor-list"), nodeList(graph.nodes));
  if (!graph.nodes.length) {
    placeholder(region, `No ${what} in the events matching these filters.`);
    return;
  }
  fill(region, drawGraph(graph, region.clientWidth));
}
