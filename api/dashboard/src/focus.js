// The selected entity's panel: in-force counts and one list per relation, each row opening its evidence.
import { badge, emit, esc, fmtDate, getJSON, itemsOf, state } from "./api.js";

// One tab per list endpoint; `edge` says which end of the triple the focus is.
const COUNTRY_TABS = [
  { key: "recognized-by", label: "Recognized by", type: "RECOGNIZES", focusIs: "object" },
  { key: "recognizes", label: "Recognizes", type: "RECOGNIZES", focusIs: "subject" },
  { key: "memberships", label: "Memberships", type: "MEMBER_OF", focusIs: "subject" },
  { key: "negotiations", label: "Negotiations", type: "NEGOTIATING_WITH", focusIs: "subject" },
];
const AGREEMENT_TABS = [{ key: "members", label: "Members", type: "MEMBER_OF", focusIs: "object" }];

let current = { tabs: [], lists: {}, active: null };

export function tabsFor(kind) { return kind === "agreement" ? AGREEMENT_TABS : COUNTRY_TABS; }

export function edgeOf(tab, focusId, otherId) {
  return tab.focusIs === "object"
    ? { subject: otherId, type: tab.type, object: focusId }
    : { subject: focusId, type: tab.type, object: otherId };
}

async function fetchList(focus, tab) {
  const base = focus.kind === "agreement" ? "/v1/agreements" : "/v1/countries";
  const body = await getJSON(`${base}/${encodeURIComponent(focus.id)}/${tab.key}`, { status: "any", as_of: state.asOf });
  const order = { in_force: 0, announced: 1, proposed: 2, denied: 3, ended: 4 };
  return itemsOf(body).sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9) || a.name.localeCompare(b.name));
}

// Fetch every list of the focus as of the current date; returns {tabKey: items}.
export async function loadFocus(focus) {
  const tabs = tabsFor(focus.kind);
  const results = await Promise.all(tabs.map((t) => fetchList(focus, t)));
  const lists = Object.fromEntries(tabs.map((t, i) => [t.key, results[i]]));
  const keep = current.active && tabs.some((t) => t.key === current.active) ? current.active : tabs[0].key;
  current = { tabs, lists, active: keep };
  render(focus);
  return lists;
}

function render(focus) {
  const entity = state.byId.get(focus.id);
  document.getElementById("focus-title").textContent = focus.name;
  document.getElementById("focus-kind").textContent = focus.kind;
  const raw = (entity && entity.raw) || {};
  const meta = focus.kind === "country"
    ? [focus.id, raw.official_name, raw.un_status && raw.un_status !== "none" ? `UN ${raw.un_status}` : null]
    : [raw.kind, raw.founded ? `founded ${raw.founded}` : null];
  document.getElementById("focus-meta").textContent = meta.filter(Boolean).join(" · ");
  document.getElementById("focus-stats").innerHTML = current.tabs.map((t) => {
    const n = current.lists[t.key].filter((i) => i.status === "in_force").length;
    return `<div class="stat"><b>${n}</b><span>${esc(t.label.toLowerCase())}</span></div>`;
  }).join("");
  renderTabs(focus);
  renderRows(focus);
}

function renderTabs(focus) {
  const box = document.getElementById("focus-tabs");
  box.innerHTML = current.tabs.map((t) => `
    <button type="button" role="tab" data-tab="${t.key}" aria-selected="${t.key === current.active}">
      ${esc(t.label)}<span class="count">${current.lists[t.key].length}</span></button>`).join("");
  box.onclick = (ev) => {
    const btn = ev.target.closest("button[data-tab]");
    if (!btn) return;
    current.active = btn.dataset.tab;
    renderTabs(focus);
    renderRows(focus);
  };
}

function renderRows(focus) {
  const tab = current.tabs.find((t) => t.key === current.active);
  const items = current.lists[tab.key];
  const body = document.querySelector("#focus-list tbody");
  body.innerHTML = items.map((i) => `
    <tr data-id="${esc(i.id)}" tabindex="0">
      <td>${esc(i.name)}<span class="code">${esc(i.id)}</span></td>
      <td>${badge(i.status)}</td><td>${esc(fmtDate(i.since))}</td><td>${esc(i.evidence_count ?? "")}</td>
    </tr>`).join("");
  document.getElementById("focus-empty").hidden = items.length > 0;
  const open = (row) => {
    const item = items.find((i) => i.id === row.dataset.id);
    emit("evidence", { ...edgeOf(tab, focus.id, item.id), item });
  };
  body.onclick = (ev) => { const row = ev.target.closest("tr[data-id]"); if (row) open(row); };
  body.onkeydown = (ev) => { if (ev.key === "Enter" && ev.target.matches("tr[data-id]")) open(ev.target); };
}
