// The page state lives in the URL hash, so every view can be bookmarked and the
// browser's back button works: #/VIEW[/DOC_ID]?filters&sort=&offset=&limit=&event=

export const FILTER_NAMES = [
  "q", "type", "mode", "actor", "dyad", "country", "date_from", "date_to", "factuality", "negated",
  // How the timeline and the network count (the API's analysis options).
  "by", "count", "include", "dates",
];
export const VIEWS = ["events", "timeline", "network", "document"];

const FILTER_LABELS = {
  q: "Text", type: "Type", mode: "Mode", actor: "Actor", dyad: "Between", country: "Country",
  date_from: "From", date_to: "To", factuality: "Factuality", negated: "Negated",
  by: "Per", count: "Count", include: "Also count", dates: "Undated events",
};
export const filterLabel = (name) => FILTER_LABELS[name] ?? name;

/** {view, docId, filters, sort, offset, limit, eventId, level} from a location hash. */
export function parseHash(hash) {
  const [path, query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [view, ...rest] = path.split("/");
  const params = new URLSearchParams(query);
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return {
    view: VIEWS.includes(view) ? view : "events",
    docId: rest.length ? decodeURIComponent(rest.join("/")) : "",
    filters,
    sort: params.get("sort") || "",
    offset: Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0),
    limit: Number.parseInt(params.get("limit") || "0", 10) || 0,
    eventId: params.get("event") || "",
    level: params.get("level") === "actor" ? "actor" : "country",
  };
}

/** The hash for a state; only non-default parts are written. */
export function formatHash(state) {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    if (state.filters?.[name]) params.set(name, state.filters[name]);
  }
  if (state.sort) params.set("sort", state.sort);
  if (state.offset) params.set("offset", String(state.offset));
  if (state.limit) params.set("limit", String(state.limit));
  if (state.view === "document" && state.eventId) params.set("event", state.eventId);
  if (state.view === "network" && state.level === "actor") params.set("level", "actor");
  const doc = state.view === "document" && state.docId ? `/${encodeURIComponent(state.docId)}` : "";
  const query = params.toString();
  return `#/${state.view}${doc}${query ? `?${query}` : ""}`;
}

export const currentState = () => parseHash(window.location.hash);

/** Move to a new state (merging into the current one); the hashchange listener renders it. */
export function navigate(changes) {
  const next = { ...currentState(), ...changes };
  const hash = formatHash(next);
  if (hash === window.location.hash) {
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    window.location.hash = hash;
  }
}
