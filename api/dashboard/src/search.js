// Search box: every country and agreement, matched on name, code or alias in the browser.
import { emit, esc, getAll, state } from "./api.js";

const fold = (s) => String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

function entry(raw, kind) {
  const aliases = raw.aliases || [];
  const codes = [raw.id, raw.alpha2].filter(Boolean);
  const words = [raw.name, raw.official_name, ...aliases, ...(raw.demonyms || [])].filter(Boolean);
  return { id: raw.id, kind, name: raw.name, codes: codes.map(fold), words: words.map(fold), raw };
}

export async function loadEntities() {
  const [countries, agreements] = await Promise.all([
    getAll("/v1/countries"), getAll("/v1/agreements"),
  ]);
  state.entities = [
    ...countries.map((c) => entry(c, "country")),
    ...agreements.map((a) => entry(a, "agreement")),
  ];
  state.byId = new Map(state.entities.map((e) => [e.id, e]));
  fillDatalist(state.entities.filter((e) => e.kind === "country"));
  return state.entities;
}

function fillDatalist(countries) {
  const list = document.getElementById("country-options");
  list.innerHTML = countries.map((c) => `<option value="${esc(c.id)}">${esc(c.name)}</option>`).join("");
}

// Lower is better: exact code, exact name, prefix, alias, substring.
function score(e, q) {
  if (e.codes.includes(q)) return 0;
  if (fold(e.name) === q) return 1;
  if (e.words.includes(q)) return 2;
  if (fold(e.name).startsWith(q)) return 3;
  if (e.words.some((w) => w.startsWith(q))) return 4;
  if (e.words.some((w) => w.includes(q))) return 5;
  return null;
}

export function findEntities(query, limit = 8) {
  const q = fold(query.trim());
  if (!q) return [];
  const hits = [];
  for (const e of state.entities) {
    const s = score(e, q);
    if (s !== null) hits.push([s, e]);
  }
  hits.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name));
  return hits.slice(0, limit).map(([, e]) => e);
}

// Resolve what a person typed in a form field to one entity id (code, name or alias).
export function resolveEntity(text, kind) {
  const hits = findEntities(text, 20).filter((e) => !kind || e.kind === kind);
  return hits.length ? hits[0] : null;
}

export function initSearch() {
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  let hits = [];
  let active = 0;

  const render = () => {
    list.hidden = hits.length === 0;
    list.innerHTML = hits.map((e, i) => `
      <li role="option" data-id="${esc(e.id)}" aria-selected="${i === active}">
        <span>${esc(e.name)}</span><span class="code">${esc(e.kind === "country" ? e.id : "agreement")}</span>
      </li>`).join("");
  };
  const choose = (e) => {
    if (!e) return;
    input.value = e.name;
    hits = [];
    render();
    emit("focus", { id: e.id, kind: e.kind, name: e.name });
  };

  input.addEventListener("input", () => { hits = findEntities(input.value); active = 0; render(); });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, hits.length - 1); render(); ev.preventDefault(); }
    if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); render(); ev.preventDefault(); }
    if (ev.key === "Enter") { choose(hits[active] || findEntities(input.value)[0]); ev.preventDefault(); }
    if (ev.key === "Escape") { hits = []; render(); }
  });
  list.addEventListener("mousedown", (ev) => {
    const li = ev.target.closest("li[data-id]");
    if (li) { ev.preventDefault(); choose(state.byId.get(li.dataset.id)); }
  });
  input.addEventListener("blur", () => setTimeout(() => { hits = []; render(); }, 120));
}
