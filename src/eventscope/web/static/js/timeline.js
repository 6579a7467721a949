// The timeline: events per week stacked by type, and the weekly mean PLOVER intensity
// (the cooperation–conflict line, -10 .. +10) on a second axis.

import { fetchEvents } from "./api.js";
import { byId, fill, h, s } from "./dom.js";
import { EVENT_TYPES, TYPE_COLOURS } from "./plover.js";
import { withLoading, placeholder } from "./ui.js";

const CAP = 5000;
const DAY = 86400000;
const MARGIN = { top: 30, right: 56, bottom: 30, left: 44 };

/** Monday of the ISO week of a YYYY-MM-DD date, as UTC milliseconds; null for partial dates. */
export function weekStart(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "");
  if (!match) return null;
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
}

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** [{week, counts: {TYPE: n}, total, meanIntensity}] for every week from first to last. */
export function weeklySeries(events) {
  const weeks = new Map();
  for (const event of events) {
    const week = weekStart(event.date);
    if (week === null) continue;
    const entry = weeks.get(week) ?? { week, counts: {}, total: 0, intensitySum: 0, intensityN: 0 };
    entry.counts[event.type] = (entry.counts[event.type] ?? 0) + 1;
    entry.total += 1;
    if (typeof event.intensity === "number") {
      entry.intensitySum += event.intensity;
      entry.intensityN += 1;
    }
    weeks.set(week, entry);
  }
  if (!weeks.size) return [];
  const keys = [...weeks.keys()];
  const series = [];
  for (let week = Math.min(...keys); week <= Math.max(...keys); week += 7 * DAY) {
    const entry = weeks.get(week) ?? { week, counts: {}, total: 0, intensityN: 0 };
    series.push({
      week, counts: entry.counts, total: entry.total,
      meanIntensity: entry.intensityN ? entry.intensitySum / entry.intensityN : null,
    });
  }
  return series;
}

function niceMax(value) {
  if (value <= 5) return Math.max(1, value);
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function axisTicks(max, count = 5) {
  const step = Math.max(1, Math.ceil(max / count));
  const ticks = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return ticks;
}

function drawAxes(plot, series, scale) {
  const { width, height, countMax } = scale;
  const group = s("g", { class: "axes" });
  for (const tick of axisTicks(countMax)) {
    const y = scale.yCount(tick);
    group.append(s("line", { x1: 0, x2: width, y1: y, y2: y, class: "grid" }),
      s("text", { x: -6, y: y + 4, "text-anchor": "end" }, String(tick)));
  }
  for (const tick of [-10, -5, 0, 5, 10]) {
    const y = scale.yIntensity(tick);
    group.append(s("text", { x: width + 6, y: y + 4, class: "intensity-tick" },
      tick > 0 ? `+${tick}` : String(tick)));
  }
  const labelEvery = Math.max(1, Math.ceil(series.length / 8));
  series.forEach((entry, i) => {
    if (i % labelEvery) return;
    group.append(s("text", { x: scale.x(i) + scale.band / 2, y: height + 18, "text-anchor": "middle" },
      isoDay(entry.week)));
  });
  group.append(
    s("text", { x: -MARGIN.left + 2, y: -16, class: "axis-title" }, "events"),
    s("text", { x: width + 50, y: -16, class: "axis-title", "text-anchor": "end" }, "intensity"),
    s("line", { x1: 0, x2: width, y1: height, y2: height, class: "axis" }),
  );
  plot.append(group);
}

function drawBars(plot, series, scale) {
  const bars = s("g", { class: "bars" });
  const barWidth = Math.max(1, Math.min(48, scale.band * 0.8));
  series.forEach((entry, i) => {
    let stacked = 0;
    for (const type of EVENT_TYPES) {
      const n = entry.counts[type];
      if (!n) continue;
      const top = scale.yCount(stacked + n);
      bars.append(s("rect", {
        x: scale.x(i) + (scale.band - barWidth) / 2, width: barWidth,
        y: top, height: scale.yCount(stacked) - top, fill: TYPE_COLOURS[type], "data-type": type,
      }, s("title", {}, `Week of ${isoDay(entry.week)}: ${n} ${type}`)));
      stacked += n;
    }
  });
  plot.append(bars);
}

/** The mean-intensity line, broken where weeks have no events (no value to draw). */
function drawIntensityLine(plot, series, scale) {
  const zero = scale.yIntensity(0);
  plot.append(s("line", { x1: 0, x2: scale.width, y1: zero, y2: zero, class: "zero-line" }));
  const line = s("g", { class: "intensity-line" });
  let path = "";
  let gap = true;
  series.forEach((entry, i) => {
    if (entry.meanIntensity === null) { gap = true; return; }
    const x = scale.x(i) + scale.band / 2;
    const y = scale.yIntensity(entry.meanIntensity);
    path += `${gap ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)} `;
    gap = false;
    line.append(s("circle", { cx: x, cy: y, r: 4 },
      s("title", {}, `Week of ${isoDay(entry.week)}: mean intensity ${entry.meanIntensity.toFixed(2)}`)));
  });
  line.prepend(s("path", { d: path.trim() }));
  plot.append(line);
}

function chart(series, outerWidth) {
  const width = Math.max(300, outerWidth - MARGIN.left - MARGIN.right);
  const height = 300;
  const band = width / series.length;
  const countMax = niceMax(Math.max(...series.map((entry) => entry.total)));
  const scale = {
    width, height, band, countMax,
    x: (i) => i * band,
    yCount: (v) => height - (v / countMax) * height,
    yIntensity: (v) => height / 2 - (v / 10) * (height / 2),
  };
  const svg = s("svg", {
    class: "timeline", role: "img",
    viewBox: `0 0 ${width + MARGIN.left + MARGIN.right} ${height + MARGIN.top + MARGIN.bottom}`,
    "aria-label": `Events per week by type from ${isoDay(series[0].week)} to `
      + `${isoDay(series.at(-1).week)}, with the weekly mean intensity line`,
  });
  const plot = s("g", { transform: `translate(${MARGIN.left},${MARGIN.top})` });
  drawAxes(plot, series, scale);
  drawBars(plot, series, scale);
  drawIntensityLine(plot, series, scale);
  svg.append(plot);
  return svg;
}

function legend(events) {
  const counts = {};
  for (const event of events) counts[event.type] = (counts[event.type] ?? 0) + 1;
  const items = EVENT_TYPES.filter((type) => counts[type]).map((type) => h("li", {},
    h("span", { class: "swatch", style: { background: TYPE_COLOURS[type] }, "aria-hidden": "true" }),
    `${type} (${counts[type]})`));
  items.push(h("li", {}, h("span", { class: "swatch line-swatch", "aria-hidden": "true" }),
    "mean intensity (right axis: −10 conflict … +10 cooperation)"));
  return items;
}

/** The same numbers as the chart, as a table for screen readers and copying. */
function dataTable(series) {
  const types = EVENT_TYPES.filter((type) => series.some((entry) => entry.counts[type]));
  return h("details", { class: "chart-data" }, h("summary", {}, "Show the numbers as a table"),
    h("table", {},
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Week of"),
        types.map((type) => h("th", { scope: "col" }, type)), h("th", { scope: "col" }, "Mean intensity"))),
      h("tbody", {}, series.filter((entry) => entry.total).map((entry) => h("tr", {},
        h("th", { scope: "row" }, isoDay(entry.week)),
        types.map((type) => h("td", { class: "num" }, String(entry.counts[type] ?? 0))),
        h("td", { class: "num" }, entry.meanIntensity === null ? "" : entry.meanIntensity.toFixed(2)))))));
}

export async function renderTimeline(state) {
  const region = byId("timeline-region");
  const result = await withLoading(region, "the timeline", () => fetchEvents(state.filters, CAP, "timeline"));
  if (!result) return;
  const series = weeklySeries(result.items);
  const undated = result.items.filter((event) => weekStart(event.date) === null).length;
  const notes = [`${result.items.length} of ${result.total} events`];
  if (result.items.length < result.total) notes.push(`the latest ${CAP} are charted`);
  if (undated) notes.push(`${undated} without a day-precise date are left out`);
  byId("timeline-note").textContent = notes.join("; ") + ".";
  if (!series.length) {
    placeholder(region, "No dated events match these filters.");
    fill(byId("timeline-legend"));
    return;
  }
  fill(region, chart(series, region.clientWidth || 900), dataTable(series));
  fill(byId("timeline-legend"), legend(result.items));
}
