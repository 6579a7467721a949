// Reading event records from the API, whether their actors come nested
// ({source: {name, country, sector}}) or flat (source_name, source_country, ...).

/** {name, country, sector} of an event's "source" or "target", or null. */
export function actorOf(event, role) {
  const nested = event[role];
  const actor = nested && typeof nested === "object" ? nested : {
    name: event[`${role}_name`], country: event[`${role}_country`], sector: event[`${role}_sector`],
  };
  return actor.name || actor.country || actor.sector
    ? { name: actor.name ?? null, country: actor.country ?? null, sector: actor.sector ?? null }
    : null;
}

/** {name, country} of where an event happened, or null. */
export function locationOf(event) {
  const nested = event.location;
  const place = nested && typeof nested === "object" ? nested
    : { name: event.location_name, country: event.location_country };
  return place.name ? { name: place.name, country: place.country ?? null } : null;
}

export const eventIdOf = (event) => String(event.id ?? event.event_id ?? "");
