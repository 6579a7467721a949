// Loading states and error messages shared by the views.

import { byId, fill } from "./dom.js";
import { isAbort } from "./api.js";

let pending = 0;

function setStatus(text) {
  byId("status").textContent = text;
}

export function showError(message) {
  const box = byId("error");
  box.textContent = message;
  box.hidden = false;
}

export function clearError() {
  const box = byId("error");
  box.textContent = "";
  box.hidden = true;
}

/**
 * Run `work()` with `region` marked busy and a "Loading …" status; failures are shown
 * in the error box (superseded, aborted requests are not failures).
 * Returns work()'s result, or undefined when it failed or was aborted.
 */
export async function withLoading(region, what, work) {
  pending += 1;
  region.setAttribute("aria-busy", "true");
  region.classList.add("loading");
  setStatus(`Loading ${what}…`);
  try {
    const result = await work();
    clearError();
    return result;
  } catch (error) {
    if (!isAbort(error)) showError(`Could not load ${what}. ${error.message}`);
    return undefined;
  } finally {
    pending -= 1;
    region.setAttribute("aria-busy", "false");
    region.classList.remove("loading");
    if (pending === 0) setStatus("");
  }
}

/** A one-line placeholder in an empty region. */
export function placeholder(region, text) {
  const p = document.createElement("p");
  p.className = "placeholder";
  p.textContent = text;
  fill(region, p);
}
