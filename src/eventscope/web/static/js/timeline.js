// The timeline: counted events per week or month stacked by type, and the mean PLOVER
// intensity (the cooperation–conflict line, -10 .. +10) on a second axis. The numbers come
// from /api/series, the analysis the API and `eventscope dyad` share; the page only draws.

import { getJSON } from "./api.js";
import { byId, fill, h, s } from "./dom.js";
import { EVENT_TYPES, TYPE_COLOURS } from "./plover.js";
import { withLoading, placeholder } from "./ui.js";

const MARGIN = { top: 30, right: 56, bottom: 30, left: 44 };

/** The chart options of the page state, as /api/series takes them. */
export function chartOptions(filters) {
  const { by = "week", ...rest } = filters;
  return { ...rest, by };
}

/** [{start, counts: {TYPE: n}, total, meanIntensity}] from the API's periods. */
export function periodsOf(series) {
  return series.periods.map((period) => ({
    start: period.period,
    counts: Object.fromEntries(series.types.map((type) => [type, period[type]])),
    total: period.total,
    meanIntensity: period.mean_intensity,
  }));
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
      entry.start));
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
      }, s("title", {}, `${scale.periodName} of ${entry.start}: ${n} ${type}`)));
      stacked += n;
    }
  });
  plot.append(bars);
}

/** The mean-intensity line, broken where periods have no events (a gap stays a gap). */
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
      s("title", {}, `${scale.periodName} of ${entry.start}: mean intensity ${entry.meanIntensity.toFixed(2)}`)));
  });
  line.prepend(s("path", { d: path.trim() }));
  plot.append(line);
}

function chart(series, by, outerWidth) {
  const width = Math.max(300, outerWidth - MARGIN.left - MARGIN.right);
  const height = 300;
  const band = width / series.length;
  const countMax = niceMax(Math.max(...series.map((entry) => entry.total)));
  const scale = {
    width, height, band, countMax, periodName: by === "month" ? "Month" : "Week",
    x: (i) => i * band,
    yCount: (v) => height - (v / countMax) * height,
    yIntensity: (v) => height / 2 - (v / 10) * (height / 2),
  };
  const svg = s("svg", {
    class: "timeline", role: "img",
    viewBox: `0 0 ${width + MARGIN.left + MARGIN.right} ${height + MARGIN.top + MARGIN.bottom}`,
    "aria-label": `Events per ${by} by type from ${series[0].start} to `
      + `${series.at(-1).start}, with the mean intensity line`,
  });
  const plot = s("g", { transform: `translate(${MARGIN.left},${MARGIN.top})` });
  drawAxes(plot, series, scale);
  drawBars(plot, series, scale);
  drawIntensityLine(plot, series, scale);
  svg.append(plot);
  return svg;
}

function legend(typeCounts) {
  const items = EVENT_TYPES.filter((type) => typeCounts[type]).map((type) => h("li", {},
    h("span", { class: "swatch", style: { background: TYPE_COLOURS[type] }, "aria-hidden": "true" }),
    `${type} (${typeCounts[type]})`));
  items.push(h("li", {}, h("span", { class: "swatch line-swatch", "aria-hidden": "true" }),
    "mean intensity (right axis: −10 conflict … +10 cooperation)"));
  return items;
}

/** The same numbers as the chart, as a table for screen readers and copying. */
function dataTable(series, by) {
  const types = EVENT_TYPES.filter((type) => series.some((entry) => entry.counts[type]));
  return h("details", { class: "chart-data" }, h("summary", {}, "Show the numbers as a table"),
    h("table", {},
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, by === "month" ? "Month of" : "Week of"),
        types.map((type) => h("th", { scope: "col" }, type)), h("th", { scope: "col" }, "Mean intensity"))),
      h("tbody", {}, series.filter((entry) => entry.total).map((entry) => h("tr", {},
        h("th", { scope: "row" }, entry.start),
        types.map((type) => h("td", { class: "num" }, String(entry.counts[type] ?? 0))),
        h("td", { class: "num" }, entry.meanIntensity === null ? "" : entry.meanIntensity.toFixed(2)))))));
}

/** What was counted and what was left out; the undated count is always shown. */
export function seriesNote(series) {
  const unit = series.count === "events" ? "events (mentions of one merged event counted once)"
    : "event mentions";
  const notes = [`${series.events} ${unit} charted (${series.include.join(", ")}, not negated)`,
    `${series.undated} without a date precise enough for a ${series.by} left out`];
  if (series.out_of_range) notes.push(`${series.out_of_range} dated outside the years a chart can show left out`);
  if (series.publication_dated) notes.push(`${series.publication_dated} placed by their publication date`);
  return `${notes.join("; ")}.`;
}

export async function renderTimeline(state) {
  const region = byId("timeline-region");
  const options = chartOptions(state.filters);
  const series = await withLoading(region, "the timeline",
    () => getJSON("/api/series", options, "timeline"));
  if (!series) return;
  const periods = periodsOf(series);
  byId("timeline-note").textContent = seriesNote(series);
  if (!periods.length) {
    placeholder(region, "No dated events match these filters.");
    fill(byId("timeline-legend"));
    return;
  }
  fill(region, chart(periods, series.by, region.clientWidth || 900), dataTable(periods, series.by));
  fill(byId("timeline-legend"), legend(series.type_counts));
}
