// The document view: the cleaned article text with each event's evidence sentence
// highlighted and its trigger emphasised; the chosen event's fields beside it.

import { getJSON } from "./api.js";
import { actorLabel, byId, fill, h } from "./dom.js";
import { TYPE_COLOURS, formatIntensity, inkOn } from "./plover.js";
import { actorOf, eventIdOf, locationOf } from "./records.js";
import { navigate } from "./state.js";
import { placeholder, withLoading } from "./ui.js";

const validSpan = (start, end, text) =>
  Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length;

/** [start, end) of an event's evidence sentence in `text`: its offsets, else a search. */
function sentenceSpan(event, text) {
  if (validSpan(event.sentence_start, event.sentence_end, text)) {
    return withoutOuterSpace(text, event.sentence_start, event.sentence_end);
  }
  const at = event.sentence ? text.indexOf(event.sentence) : -1;
  return at < 0 ? null : [at, at + event.sentence.length];
}

/** A span shrunk to leave out white space at its ends (a sentence's trailing newline). */
function withoutOuterSpace(text, start, end) {
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return start < end ? [start, end] : null;
}

/** [start, end) of an event's trigger in `text`, when it lies inside [from, to). */
function triggerSpan(event, text, from, to) {
  if (validSpan(event.trigger_start, event.trigger_end, text)
      && event.trigger_start >= from && event.trigger_end <= to) {
    return [event.trigger_start, event.trigger_end];
  }
  const at = event.trigger ? text.slice(from, to).indexOf(event.trigger) : -1;
  return at < 0 ? null : [from + at, from + at + event.trigger.length];
}

/**
 * Highlight spans in text order, each with the events it is evidence for. Events
 * sharing a sentence share a span; partly overlapping sentences are merged.
 */
export function evidenceSpans(events, text) {
  const spans = [];
  for (const event of events) {
    const span = sentenceSpan(event, text);
    if (span) spans.push({ start: span[0], end: span[1], events: [event] });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.events.push(...span.events);
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/** The text of one evidence span with its triggers as <strong> elements. */
function markedSentence(span, text, focusedId) {
  const triggers = span.events
    .map((event) => ({ event, range: triggerSpan(event, text, span.start, span.end) }))
    .filter(({ range }) => range)
    .sort((a, b) => a.range[0] - b.range[0]);
  const parts = [];
  let cursor = span.start;
  for (const { event, range } of triggers) {
    if (range[0] < cursor) continue; // two events on one trigger: emphasise it once
    parts.push(text.slice(cursor, range[0]));
    const focused = eventIdOf(event) === focusedId;
    parts.push(h("strong", { class: focused ? "trigger focused-trigger" : "trigger" }, text.slice(...range)));
    cursor = range[1];
  }
  parts.push(text.slice(cursor, span.end));
  return parts;
}

function focusEvent(docId, event) {
  navigate({ view: "document", docId, eventId: eventIdOf(event) });
}

function highlightedText(docId, text, spans, focusedId) {
  const nodes = [];
  let cursor = 0;
  for (const span of spans) {
    nodes.push(text.slice(cursor, span.start));
    const ids = span.events.map(eventIdOf);
    const focused = ids.includes(focusedId);
    nodes.push(h("mark", {
      class: focused ? "evidence focused" : "evidence",
      "data-event-ids": ids.join(" "),
      "aria-current": focused ? "true" : null,
      title: span.events.map((event) => `${event.type}: ${event.trigger}`).join("; "),
      onclick: () => focusEvent(docId, span.events[0]),
    }, markedSentence(span, text, focusedId)));
    cursor = span.end;
  }
  nodes.push(text.slice(cursor));
  return nodes;
}

function field(name, value) {
  return [h("dt", {}, name), h("dd", {}, value === null || value === undefined || value === "" ? "—" : String(value))];
}

function typeBadge(type) {
  const colour = TYPE_COLOURS[type] ?? "#999999";
  return h("span", { class: "type-badge", style: { background: colour, color: inkOn(colour) } }, type);
}

function eventFields(event) {
  if (!event) return [h("p", { class: "muted" }, "Choose an event to see its fields.")];
  const place = locationOf(event);
  return [
    h("h3", {}, "Event ", typeBadge(event.type)),
    h("dl", { class: "fields" },
      field("Trigger", event.trigger), field("Mode", event.mode),
      field("Source", actorLabel(actorOf(event, "source"))), field("Target", actorLabel(actorOf(event, "target"))),
      field("Date", event.date),
      field("Location", place && [place.name, place.country].filter(Boolean).join(", ")),
      field("Factuality", event.factuality), field("Negated", event.negated ? "yes" : "no"),
      field("Attribution", event.attribution), field("Intensity", formatIntensity(event.intensity)),
      field("Sentence", event.sentence), field("Event id", eventIdOf(event))),
  ];
}

function eventButton(docId, event, focusedId) {
  const focused = eventIdOf(event) === focusedId;
  return h("li", {}, h("button", {
    type: "button", class: focused ? "event-button current" : "event-button",
    "aria-pressed": focused ? "true" : "false",
    onclick: () => focusEvent(docId, event),
  }, `${event.type}: “${event.trigger}” — ${actorLabel(actorOf(event, "source"))} → ${actorLabel(actorOf(event, "target"))}`));
}

function quoteItem(quote) {
  return h("li", {}, h("q", {}, quote.text), " — ", actorLabel(actorOf(quote, "speaker")));
}

function metaLine(doc) {
  return [
    doc.publication_date && `published ${doc.publication_date}`,
    doc.dateline && `dateline ${doc.dateline}`,
    doc.source, `id ${doc.doc_id ?? doc.id}`,
  ].filter(Boolean).join(" · ");
}

export async function renderDocument(state) {
  const region = byId("doc-region");
  if (!state.docId) {
    byId("doc-heading").textContent = "Document";
    byId("doc-meta").textContent = "";
    placeholder(byId("doc-text"), "Open an event from the table to read its document here.");
    fill(byId("event-fields")); fill(byId("doc-events")); fill(byId("doc-quotes"));
    return;
  }
  const doc = await withLoading(region, "the document", () =>
    getJSON(`/api/documents/${encodeURIComponent(state.docId)}`, {}, "document"));
  if (!doc) return;
  const events = doc.events ?? [];
  const focusedId = state.eventId || (events[0] ? eventIdOf(events[0]) : "");
  byId("doc-heading").textContent = doc.title || "Untitled document";
  byId("doc-meta").textContent = metaLine(doc);
  const text = doc.text ?? "";
  fill(byId("doc-text"), highlightedText(state.docId, text, evidenceSpans(events, text), focusedId));
  fill(byId("event-fields"), eventFields(events.find((event) => eventIdOf(event) === focusedId)));
  fill(byId("doc-events"), events.map((event) => eventButton(state.docId, event, focusedId)));
  const quotes = doc.quotes ?? [];
  fill(byId("doc-quotes"), quotes.length ? quotes.map(quoteItem) : h("li", { class: "muted" }, "none"));
  byId("doc-text").querySelector("mark.focused")?.scrollIntoView({ block: "center" });
}
