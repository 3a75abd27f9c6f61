// The dashboard's only way to the data: the public /v1 API, plus shared helpers.

export const STATUSES = ["in_force", "announced", "proposed", "denied", "ended"];
export const STATUS_LABEL = {
  in_force: "in force", announced: "announced", proposed: "proposed", denied: "denied", ended: "ended",
};
export const TYPE_LABEL = {
  RECOGNIZES: "recognizes", MEMBER_OF: "member of", NEGOTIATING_WITH: "negotiating with",
};

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

// List endpoints answer {"items": [...], ...}; accept a bare array too.
export function itemsOf(body) {
  if (Array.isArray(body)) return body;
  if (!body || typeof body !== "object") return [];
  for (const key of ["items", "buckets", "results", "data"]) if (Array.isArray(body[key])) return body[key];
  return [];
}

// Every page of a paginated list (cursor or offset), bounded so a bad answer cannot loop.
export async function getAll(path, params = {}) {
  let out = [];
  let query = { ...params };
  for (let page = 0; page < 50; page += 1) {
    const body = await getJSON(path, query);
    out = out.concat(itemsOf(body));
    const next = body && !Array.isArray(body) ? body.next_cursor || body.cursor || null : null;
    if (!next) break;
    query = { ...params, cursor: next };
  }
  return out;
}

// One claim behind an edge, whatever the evidence endpoint nests it as.
export function evidenceRow(raw) {
  const claim = raw.claim || raw;
  const ev = claim.evidence;
  return {
    sentence: raw.sentence ?? (ev && typeof ev === "object" ? ev.sentence : ev) ?? "",
    article: raw.article || {},
    status: raw.status ?? claim.status,
    date: raw.date ?? claim.event_date ?? claim.effective_date ?? claim.article_date ?? null,
    confidence: raw.confidence ?? claim.confidence,
    rule: raw.rule ?? claim.rule ?? "",
  };
}

export function fmtDate(value) {
  if (!value) return "—";
  return String(value).slice(0, 10);
}

export function isoDate(date) {
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  const d = String(date.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => (
    { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]
  ));
}

export function badge(status) {
  const s = status || "none";
  return `<span class="badge ${esc(s)}">${esc(STATUS_LABEL[s] || s)}</span>`;
}

// A tiny event bus so the panels stay independent of each other.
const listeners = {};
export function on(name, fn) { (listeners[name] ||= []).push(fn); }
export function emit(name, payload) { for (const fn of listeners[name] || []) fn(payload); }

// What every panel reads: the selected entity and the as-of date.
export const state = { focus: null, asOf: isoDate(new Date()), entities: [], byId: new Map() };
