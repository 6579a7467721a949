// The event table: sortable columns, pages, download links for the current filters.

import { getJSON, withQuery } from "./api.js";
import { actorLabel, byId, fill, h } from "./dom.js";
import { TYPE_COLOURS, formatIntensity } from "./plover.js";
import { actorOf, eventIdOf } from "./records.js";
import { currentState, navigate } from "./state.js";
import { withLoading } from "./ui.js";

const DEFAULT_LIMIT = 50;

// key: the API's sort field (null: not sortable); cell: the text shown for a row.
const COLUMNS = [
  { key: "date", title: "Date", cell: (e) => e.date ?? "—", className: "nowrap" },
  { key: "type", title: "Type", cell: typeCell, className: "type-cell" },
  { key: "mode", title: "Mode", cell: (e) => e.mode ?? "" },
  { key: "source_name", title: "Source", cell: (e) => actorLabel(actorOf(e, "source")) },
  { key: "target_name", title: "Target", cell: (e) => actorLabel(actorOf(e, "target")) },
  { key: null, title: "Trigger", cell: (e) => e.trigger },
  { key: null, title: "Evidence", cell: (e) => h("span", { class: "clamp" }, e.sentence), className: "evidence-cell" },
  { key: "factuality", title: "Factuality", cell: factualityLabel },
  { key: "intensity", title: "Intensity", cell: (e) => formatIntensity(e.intensity), className: "num" },
];

function typeCell(event) {
  const swatch = h("span", { class: "swatch", "aria-hidden": "true", style: { background: TYPE_COLOURS[event.type] } });
  return [swatch, event.type];
}

function factualityLabel(event) {
  return event.negated ? `${event.factuality} (negated)` : event.factuality;
}

function sortState(sort, key) {
  if (sort === key) return "ascending";
  if (sort === `-${key}`) return "descending";
  return "none";
}

function headerCell(column, state) {
  if (!column.key) return h("th", { scope: "col" }, column.title);
  const current = sortState(state.sort, column.key);
  const next = current === "ascending" ? `-${column.key}` : column.key;
  const arrow = { ascending: " ▲", descending: " ▼", none: "" }[current];
  return h("th", { scope: "col", "aria-sort": current },
    h("button", {
      type: "button", class: "sort-button",
      "aria-label": `Sort by ${column.title}${current === "ascending" ? ", descending" : ""}`,
      onclick: () => navigate({ sort: next, offset: 0 }),
    }, column.title, arrow));
}

function openEvent(event) {
  navigate({ view: "document", docId: event.doc_id, eventId: eventIdOf(event) });
}

function moveFocus(row, step) {
  const target = step > 0 ? row.nextElementSibling : row.previousElementSibling;
  target?.focus();
}

function eventRow(event) {
  return h("tr", {
    tabindex: "0",
    class: "event-row",
    "data-event-id": eventIdOf(event),
    "data-type": event.type,
    "aria-label": `${event.type} event: ${event.sentence}. Press Enter to open its document.`,
    onclick: () => openEvent(event),
    onkeydown: (key) => {
      if (key.key === "Enter" || key.key === " ") { key.preventDefault(); openEvent(event); }
      if (key.key === "ArrowDown") { key.preventDefault(); moveFocus(key.currentTarget, 1); }
      if (key.key === "ArrowUp") { key.preventDefault(); moveFocus(key.currentTarget, -1); }
    },
  }, COLUMNS.map((column) => h("td", { class: column.className ?? null }, column.cell(event))));
}

function updateDownloads(filters, sort) {
  const params = { ...filters, sort };
  for (const format of ["csv", "jsonl", "parquet"]) {
    byId(`dl-${format}`).href = withQuery(`/api/events.${format}`, params);
  }
}

function updatePager(state, total, shown) {
  const limit = state.limit || DEFAULT_LIMIT;
  const first = total ? state.offset + 1 : 0;
  byId("page-info").textContent = `${first}–${state.offset + shown} of ${total}`;
  byId("events-count").textContent = `${total} event${total === 1 ? "" : "s"} match the filters`;
  byId("page-prev").disabled = state.offset === 0;
  byId("page-next").disabled = state.offset + limit >= total;
  const sizes = byId("page-size");
  if (![...sizes.options].some((option) => option.value === String(limit))) {
    sizes.append(h("option", {}, String(limit)));
  }
  sizes.value = String(limit);
}

const currentLimit = () => currentState().limit || DEFAULT_LIMIT;

export function initTable() {
  byId("page-prev").addEventListener("click", () => {
    navigate({ offset: Math.max(0, currentState().offset - currentLimit()) });
  });
  byId("page-next").addEventListener("click", () => {
    navigate({ offset: currentState().offset + currentLimit() });
  });
  byId("page-size").addEventListener("change", (change) => {
    navigate({ offset: 0, limit: Number(change.target.value) });
  });
}

export async function renderTable(state) {
  const limit = state.limit || DEFAULT_LIMIT;
  fill(byId("events-table").tHead.rows[0], COLUMNS.map((column) => headerCell(column, state)));
  updateDownloads(state.filters, state.sort);
  const region = byId("events-region");
  const page = await withLoading(region, "events", () => getJSON("/api/events", {
    ...state.filters, sort: state.sort, limit, offset: state.offset,
  }, "table"));
  if (!page) return;
  const body = byId("events-table").tBodies[0];
  fill(body, page.items.map(eventRow));
  if (!page.items.length) {
    body.append(h("tr", {}, h("td", { colspan: COLUMNS.length, class: "placeholder" },
      "No events match these filters.")));
  }
  updatePager(state, page.total, page.items.length);
}
