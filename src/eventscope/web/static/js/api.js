// Talking to the JSON API: query strings, aborting superseded requests, readable errors.

const inflight = new Map();

/** "a=1&b=x" from an object, leaving out empty values. */
export function queryString(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === "" || value === null || value === undefined) continue;
    query.set(key, String(value));
  }
  return query.toString();
}

export function withQuery(path, params) {
  const query = queryString(params);
  return query ? `${path}?${query}` : path;
}

/** The message of a failed response: the API's JSON `detail` when it sends one. */
async function failureMessage(response) {
  let detail = "";
  try {
    const body = await response.json();
    detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? body);
  } catch {
    detail = response.statusText;
  }
  return `${response.status} ${detail}`.trim();
}

/**
 * GET a JSON resource. A newer request under the same `channel` aborts the older one,
 * so a slow query can never overwrite the answer to a newer one.
 */
export async function getJSON(path, params = {}, channel = path) {
  inflight.get(channel)?.abort();
  const controller = new AbortController();
  inflight.set(channel, controller);
  try {
    const response = await fetch(withQuery(path, params), {
      signal: controller.signal,
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error(`Request ${path} failed: ${await failureMessage(response)}`);
    return await response.json();
  } finally {
    if (inflight.get(channel) === controller) inflight.delete(channel);
  }
}

export const isAbort = (error) => error?.name === "AbortError";
