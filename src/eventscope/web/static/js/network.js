// The actor network: actors as nodes sized by their number of events, interactions as
// edges coloured by mean intensity (red conflict … green cooperation), laid out by a
// small force simulation with a fixed number of steps. Choosing an actor filters the table.

import { fetchEvents } from "./api.js";
import { actorLabel, byId, fill, h, s } from "./dom.js";
import { intensityColour } from "./plover.js";
import { actorOf } from "./records.js";
import { currentState, navigate } from "./state.js";
import { withLoading, placeholder } from "./ui.js";

const CAP = 5000;
const MAX_NODES = 40;
const WIDTH = 820;
const HEIGHT = 520;
const PAD_X = 90; // room for labels left and right of the outermost nodes
const PAD_Y = 30;
const LABEL_CHARS = 22;
const ITERATIONS = 300;
const GRAVITY = 0.6; // pull to the centre, so separate groups do not drift apart

/**
 * The node an actor belongs to: named actors by name; unnamed ones ("the Syrian army",
 * "Damascus") by country alone, which is also what choosing them filters on.
 */
function addNode(nodes, actor) {
  const key = actor && (actor.name || actor.country);
  if (!key) return null;
  const node = nodes.get(key)
    ?? (actor.name ? { key, ...actor, count: 0 } : { key, name: null, country: key, sector: null, count: 0 });
  node.count += 1;
  nodes.set(key, node);
  return key;
}

/** {nodes, edges} of the `MAX_NODES` most active actors in `events`. */
export function buildGraph(events) {
  const nodes = new Map();
  const edges = new Map();
  for (const e of events) {
    const a = addNode(nodes, actorOf(e, "source"));
    const b = addNode(nodes, actorOf(e, "target"));
    if (!a || !b || a === b) continue;
    const [x, y] = [a, b].sort();
    const edge = edges.get(`${x}\u0000${y}`) ?? { a: x, b: y, count: 0, intensitySum: 0, intensityN: 0 };
    edge.count += 1;
    if (typeof e.intensity === "number") { edge.intensitySum += e.intensity; edge.intensityN += 1; }
    edges.set(`${x}\u0000${y}`, edge);
  }
  const kept = [...nodes.values()]
    .sort((p, q) => q.count - p.count || p.key.localeCompare(q.key))
    .slice(0, MAX_NODES);
  const keptKeys = new Set(kept.map((node) => node.key));
  const keptEdges = [...edges.values()]
    .filter((edge) => keptKeys.has(edge.a) && keptKeys.has(edge.b))
    .map((edge) => ({ ...edge, meanIntensity: edge.intensityN ? edge.intensitySum / edge.intensityN : null }));
  return { nodes: kept, edges: keptEdges, totalActors: nodes.size };
}

/**
 * Fruchterman–Reingold layout: nodes repel, edges pull, a pull to the centre keeps
 * separate groups together; the result is scaled into the WIDTH x HEIGHT box.
 * Deterministic: the same graph always gets the same picture.
 */
export function layout(nodes, edges) {
  const n = nodes.length;
  const k = Math.sqrt(((WIDTH - 2 * PAD_X) * (HEIGHT - 2 * PAD_Y)) / Math.max(1, n)) * 0.75;
  const index = new Map(nodes.map((node, i) => [node.key, i]));
  const pos = nodes.map((_, i) => ({
    x: WIDTH / 2 + (WIDTH / 3) * Math.cos((2 * Math.PI * i) / Math.max(1, n)),
    y: HEIGHT / 2 + (HEIGHT / 3) * Math.sin((2 * Math.PI * i) / Math.max(1, n)),
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
      const pull = ((d * d) / k) * (1 + Math.log(edge.count)) * 0.5;
      shift[i].x -= (dx / d) * pull; shift[i].y -= (dy / d) * pull;
      shift[j].x += (dx / d) * pull; shift[j].y += (dy / d) * pull;
    }
    const temperature = (WIDTH / 10) * (1 - step / ITERATIONS);
    pos.forEach((p, i) => {
      shift[i].x += (WIDTH / 2 - p.x) * GRAVITY;
      shift[i].y += (HEIGHT / 2 - p.y) * GRAVITY;
      const length = Math.max(0.01, Math.hypot(shift[i].x, shift[i].y));
      const move = Math.min(length, temperature);
      p.x += (shift[i].x / length) * move;
      p.y += (shift[i].y / length) * move;
    });
  }
  return fitToBox(pos);
}

/** Scale positions to fill the drawing area, leaving room for labels at its edges. */
function fitToBox(pos) {
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const fit = (v, min, max, lo, hi) => (max - min < 1 ? (lo + hi) / 2 : lo + ((v - min) / (max - min)) * (hi - lo));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return pos.map((p) => ({
    x: fit(p.x, x0, x1, PAD_X, WIDTH - PAD_X),
    y: fit(p.y, y0, y1, PAD_Y, HEIGHT - PAD_Y - 14),
  }));
}

const shortLabel = (text) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

const radius = (count) => Math.min(28, 5 + 3 * Math.sqrt(count));

/** Filter the table to an actor: by name when it has one, else by its country. */
function chooseActor(node) {
  const actorFilter = node.name ? { actor: node.name } : { country: node.country };
  navigate({ view: "events", filters: { ...currentState().filters, ...actorFilter }, offset: 0 });
}

function nodeGroup(node, p) {
  const r = radius(node.count);
  const label = actorLabel(node);
  return s("g", {
    class: "node", role: "button", tabindex: "0", transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`,
    "data-actor": node.key,
    "aria-label": `${label}: ${node.count} events. Press Enter to filter the table to this actor.`,
    onclick: () => chooseActor(node),
    onkeydown: (key) => {
      if (key.key === "Enter" || key.key === " ") { key.preventDefault(); chooseActor(node); }
    },
  },
  s("circle", { r }),
  s("text", { y: r + 12, "text-anchor": "middle" }, shortLabel(node.name || node.country)),
  s("title", {}, `${label}: ${node.count} events`));
}

function edgeLine(edge, pa, pb) {
  const mean = edge.meanIntensity === null ? "unknown" : edge.meanIntensity.toFixed(1);
  return s("line", {
    x1: pa.x, y1: pa.y, x2: pb.x, y2: pb.y, class: "edge",
    stroke: intensityColour(edge.meanIntensity), "stroke-width": Math.min(10, 1 + 1.5 * Math.log2(edge.count + 1)),
  }, s("title", {}, `${edge.a} – ${edge.b}: ${edge.count} interactions, mean intensity ${mean}`));
}

function drawGraph(graph) {
  const pos = layout(graph.nodes, graph.edges);
  const at = new Map(graph.nodes.map((node, i) => [node.key, pos[i]]));
  return s("svg", {
    class: "network", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "group",
    "aria-label": `Network of ${graph.nodes.length} actors and ${graph.edges.length} interactions`,
  },
  s("g", { class: "edges" }, graph.edges.map((edge) => edgeLine(edge, at.get(edge.a), at.get(edge.b)))),
  s("g", { class: "nodes" }, graph.nodes.map((node) => nodeGroup(node, at.get(node.key)))));
}

function actorList(nodes) {
  return nodes.map((node) => h("li", {}, h("button", {
    type: "button", class: "link-button", onclick: () => chooseActor(node),
  }, `${actorLabel(node)} — ${node.count}`)));
}

export async function renderNetwork(state) {
  const region = byId("network-region");
  const result = await withLoading(region, "the network", () => fetchEvents(state.filters, CAP, "network"));
  if (!result) return;
  const graph = buildGraph(result.items);
  const shown = graph.nodes.length < graph.totalActors ? ` (the ${graph.nodes.length} most active shown)` : "";
  byId("network-note").textContent = `${graph.totalActors} actors in ${result.items.length} of ${result.total} `
    + `events${shown}. Choose an actor to filter the events table.`;
  fill(byId("actor-list"), actorList(graph.nodes));
  if (!graph.nodes.length) {
    placeholder(region, "No actors in the events matching these filters.");
    return;
  }
  fill(region, drawGraph(graph));
}
