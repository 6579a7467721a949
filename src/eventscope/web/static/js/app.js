// The page's entry point: the filter form, the view tabs and the router that renders
// the view named in the URL hash.

import { getJSON } from "./api.js";
import { byId, fill, h } from "./dom.js";
import { renderDocument } from "./document.js";
import { initNetwork, renderNetwork } from "./network.js";
import { EVENT_TYPES, allModes } from "./plover.js";
import { FILTER_NAMES, currentState, filterLabel, formatHash, navigate } from "./state.js";
import { initTable, renderTable } from "./table.js";
import { renderTimeline } from "./timeline.js";

const RENDERERS = {
  events: renderTable, timeline: renderTimeline, network: renderNetwork, document: renderDocument,
};

function fillOptions() {
  byId("f-type").append(...EVENT_TYPES.map((type) => h("option", { value: type }, type)));
  fill(byId("mode-options"), allModes().map((mode) => h("option", { value: mode })));
}

async function loadActorSuggestions() {
  try {
    const page = await getJSON("/api/actors", { limit: 1000 }, "actors");
    const names = [...new Set(page.items.map((actor) => actor.name).filter(Boolean))];
    fill(byId("actor-options"), names.map((name) => h("option", { value: name })));
  } catch {
    // Suggestions are a convenience; the filter works without them.
  }
}

function formFilters() {
  const data = new FormData(byId("filters"));
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = String(data.get(name) ?? "").trim();
    if (value) filters[name] = name === "country" ? value.toUpperCase() : value;
  }
  return filters;
}

function showFiltersInForm(filters) {
  for (const name of FILTER_NAMES) {
    const input = byId("filters").elements.namedItem(name);
    if (!input) continue;
    input.value = filters[name] ?? "";
    // A default spelled out in the URL (by=week) shows as the select's default choice.
    if (input.tagName === "SELECT" && input.selectedIndex < 0) input.selectedIndex = 0;
  }
}

function removeFilter(name) {
  const filters = { ...currentState().filters };
  delete filters[name];
  navigate({ filters, offset: 0 });
}

/** The active filters as a list, each with a button that removes it. */
function showFilterState(filters) {
  const names = FILTER_NAMES.filter((name) => filters[name]);
  fill(byId("filter-state"), names.length
    ? names.map((name) => h("li", { class: "chip", "data-filter": name },
      `${filterLabel(name)}: `, h("strong", {}, filters[name]),
      h("button", {
        type: "button", class: "chip-remove", "aria-label": `Remove filter ${filterLabel(name)} ${filters[name]}`,
        onclick: () => removeFilter(name),
      }, "×")))
    : h("li", { class: "muted" }, "none: all events"));
}

function showView(state) {
  for (const view of Object.keys(RENDERERS)) {
    byId(`view-${view}`).hidden = view !== state.view;
  }
  for (const link of document.querySelectorAll(".tabs a")) {
    const view = link.dataset.view;
    link.href = formatHash({ ...state, view, offset: view === "events" ? state.offset : 0 });
    if (view === state.view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

let shownView = null;

async function render() {
  const state = currentState();
  showView(state);
  showFiltersInForm(state.filters);
  showFilterState(state.filters);
  // Tell keyboard and screen-reader users where they landed after changing views.
  if (shownView !== null && shownView !== state.view) byId(`view-${state.view}`).querySelector("h2").focus();
  shownView = state.view;
  await RENDERERS[state.view](state);
}

function init() {
  fillOptions();
  initTable();
  initNetwork();
  for (const heading of document.querySelectorAll(".view h2")) heading.tabIndex = -1;
  byId("filters").addEventListener("submit", (submit) => {
    submit.preventDefault();
    const view = currentState().view === "document" ? "events" : currentState().view;
    navigate({ view, filters: formFilters(), offset: 0 });
  });
  byId("reset-filters").addEventListener("click", () => navigate({ filters: {}, offset: 0 }));
  window.addEventListener("hashchange", render);
  loadActorSuggestions();
  render();
}

init();
