// PLOVER vocabulary as the page shows it: event types in cooperation-to-conflict order,
// a colour for each, the modes each type allows, and the intensity colour scale.

export const TYPE_COLOURS = {
  AGREE: "#1b9e77", CONSULT: "#66c2a5", SUPPORT: "#a6d854", CONCEDE: "#c7e9b4",
  COOPERATE: "#1f78b4", AID: "#a6cee3", RETREAT: "#80b1d3",
  REQUEST: "#fdb462", ACCUSE: "#e6ab02", REJECT: "#fb8072", THREATEN: "#e78ac3",
  PROTEST: "#bc80bd", SANCTION: "#7570b3", MOBILIZE: "#b15928", COERCE: "#e31a1c",
  ASSAULT: "#67000d",
};
export const EVENT_TYPES = Object.keys(TYPE_COLOURS);

export const MODES = {
  CONSULT: ["visit", "third-party", "multilateral", "phone"],
  RETREAT: ["withdraw", "release", "disarm", "ceasefire", "access", "resign"],
  REQUEST: ["assist", "change", "yield", "meet"],
  ACCUSE: ["disapprove", "investigate", "allege"],
  REJECT: ["assist", "change", "yield", "meet"],
  THREATEN: ["restrict", "arrest", "relations", "expel", "territory", "violence"],
  SANCTION: ["convict", "expel", "withdraw", "discontinue"],
  PROTEST: ["demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"],
  MOBILIZE: ["troops", "weapons", "police", "militia"],
  COERCE: ["seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
    "withhold", "misinformation", "cyber"],
  ASSAULT: ["abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
    "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
    "crowd-control", "unconventional"],
  AID: ["economic", "military", "humanitarian"],
};

export const allModes = () => [...new Set(Object.values(MODES).flat())].sort();

const CONFLICT = [198, 40, 40];
const NEUTRAL = [176, 176, 176];
const COOPERATION = [46, 125, 50];

const mix = (a, b, t) => a.map((value, i) => Math.round(value + (b[i] - value) * t));

/** Colour of a mean intensity: red at -10 (conflict), grey at 0, green at +10. */
export function intensityColour(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return `rgb(${NEUTRAL})`;
  const t = Math.max(-1, Math.min(1, value / 10));
  const rgb = t < 0 ? mix(NEUTRAL, CONFLICT, -t) : mix(NEUTRAL, COOPERATION, t);
  return `rgb(${rgb.join(",")})`;
}

/** "+7.0", "-10.0", "" for an unknown intensity. */
export function formatIntensity(value) {
  if (value === null || value === undefined) return "";
  return (value > 0 ? "+" : "") + Number(value).toFixed(1);
}

/** Black or white, whichever reads better on a "#rrggbb" background. */
export function inkOn(background) {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(background.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? "#111" : "#fff";
}
