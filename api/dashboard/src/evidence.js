// Evidence drawer: the sentences, articles and dates behind one edge.
import { badge, esc, evidenceRow, fmtDate, getJSON, itemsOf, state, TYPE_LABEL } from "./api.js";

const nameOf = (id) => (state.byId.get(id) || { name: id }).name;

function articleHtml(a) {
  const title = esc(a.title || a.id || "untitled article");
  const link = a.url ? `<a class="article" href="${esc(a.url)}" target="_blank" rel="noopener">${title}</a>`
    : `<span class="article">${title}</span>`;
  return [link, a.source ? esc(a.source) : null, a.date ? esc(fmtDate(a.date)) : null].filter(Boolean).join(" · ");
}

function itemHtml(row) {
  const conf = row.confidence != null ? `confidence ${Number(row.confidence).toFixed(2)}` : "";
  return `<li class="ev-item">
    <blockquote>${esc(row.sentence)}</blockquote>
    <div class="meta">${articleHtml(row.article)}</div>
    <div class="meta">${badge(row.status)}<span>dated ${esc(fmtDate(row.date))}</span><span>${esc(conf)}</span>
      ${row.rule ? `<span title="rule that produced the claim">${esc(row.rule)}</span>` : ""}</div>
  </li>`;
}

export function initEvidence() {
  const drawer = document.getElementById("evidence");
  document.getElementById("ev-close").addEventListener("click", () => { drawer.hidden = true; });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") drawer.hidden = true; });
}

// Open the drawer for the triple (subject, type, object); `item` is the list row, if any.
export async function showEvidence({ subject, type, object, item }) {
  const drawer = document.getElementById("evidence");
  const list = document.getElementById("ev-list");
  document.getElementById("ev-title").textContent =
    `${nameOf(subject)} ${TYPE_LABEL[type] || type} ${nameOf(object)}`;
  const meta = item ? `${item.status ? item.status.replace("_", " ") : ""}` +
    `${item.since ? ` since ${fmtDate(item.since)}` : ""}${item.until ? ` until ${fmtDate(item.until)}` : ""}` : "";
  document.getElementById("ev-meta").textContent = meta;
  list.innerHTML = '<li class="empty">Loading…</li>';
  drawer.hidden = false;
  drawer.dataset.edge = `${subject}|${type}|${object}`;
  try {
    const path = `/v1/relations/${encodeURIComponent(subject)}/${type}/${encodeURIComponent(object)}/evidence`;
    const rows = itemsOf(await getJSON(path)).map(evidenceRow);
    list.innerHTML = rows.length ? rows.map(itemHtml).join("") : '<li class="empty">No claims recorded.</li>';
    document.getElementById("ev-meta").textContent = `${meta}${meta ? " · " : ""}${rows.length} claim(s)`;
  } catch (err) {
    list.innerHTML = `<li class="empty">${esc(err.message)}</li>`;
  }
}
