// Path finder: treaty-membership paths between two countries, listed and drawn.
/* global cytoscape */
import { emit, esc, getJSON, state } from "./api.js";
import { EDGE_COLOURS, GRAPH_STYLE } from "./network.js";
import { resolveEntity } from "./search.js";

function hopsHtml(path) {
  return path.map((n) => `<span class="hop ${esc(n.kind)}" data-id="${esc(n.id)}" title="${esc(n.id)}">${esc(n.name)}</span>`)
    .join('<span class="hop-sep">→</span>');
}

// Each consecutive pair is one MEMBER_OF edge, written country -> agreement.
function membershipEdges(path) {
  const edges = [];
  for (let i = 0; i + 1 < path.length; i += 1) {
    const [a, b] = [path[i], path[i + 1]];
    const [country, agreement] = a.kind === "country" ? [a, b] : [b, a];
    edges.push({ source: country.id, target: agreement.id });
  }
  return edges;
}

function draw(cy, paths, fromId, toId) {
  cy.elements().remove();
  for (const path of paths) {
    for (const n of path) {
      if (cy.getElementById(n.id).empty()) cy.add({ group: "nodes", data: { id: n.id, kind: n.kind, name: n.name, label: n.name } });
    }
    for (const e of membershipEdges(path)) {
      const id = `${e.source}|MEMBER_OF|${e.target}`;
      if (cy.getElementById(id).empty()) {
        cy.add({ group: "edges", data: { id, ...e, predicate: "MEMBER_OF", status: "in_force", colour: EDGE_COLOURS.MEMBER_OF } });
      }
    }
  }
  cy.getElementById(fromId).addClass("center");
  cy.getElementById(toId).addClass("center");
  cy.layout({ name: "breadthfirst", roots: `#${CSS.escape(fromId)}`, directed: false, spacingFactor: 1.1, padding: 16, animate: false }).run();
  cy.fit(undefined, 16);
  if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
}

export function initPaths() {
  const form = document.getElementById("paths-form");
  const summary = document.getElementById("paths-summary");
  const list = document.getElementById("paths-list");
  const cy = cytoscape({ container: document.getElementById("paths-graph"), style: GRAPH_STYLE, minZoom: 0.3, maxZoom: 2.5 });
  cy.on("tap", "edge", (ev) => {
    const d = ev.target.data();
    emit("evidence", { subject: d.source, type: "MEMBER_OF", object: d.target, item: { status: d.status } });
  });
  cy.on("dbltap", "node", (ev) => emit("select", ev.target.id()));

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const from = resolveEntity(document.getElementById("path-from").value, "country");
    const to = resolveEntity(document.getElementById("path-to").value, "country");
    if (!from || !to) { summary.textContent = "Type two countries (name or code)."; return; }
    summary.textContent = `Searching ${from.name} → ${to.name}…`;
    list.innerHTML = "";
    try {
      const body = await getJSON("/v1/paths", {
        from: from.id, to: to.id, max_hops: document.getElementById("path-hops").value, as_of: state.asOf,
      });
      const paths = body.paths || [];
      summary.dataset.count = String(paths.length);
      summary.innerHTML = paths.length
        ? `<strong>${paths.length}</strong> shortest path(s) from ${esc(from.name)} to ${esc(to.name)}, as of ${esc(state.asOf)}`
        : `No treaty-membership path from ${esc(from.name)} to ${esc(to.name)} within the hop limit.`;
      list.innerHTML = paths.slice(0, 50).map((p) => `<li>${hopsHtml(p)}</li>`).join("");
      draw(cy, paths.slice(0, 50), from.id, to.id);
    } catch (err) {
      summary.dataset.count = "";
      summary.textContent = err.message;
      cy.elements().remove();
    }
  });
  document.getElementById("paths-example").addEventListener("click", (ev) => {
    ev.preventDefault();
    document.getElementById("path-from").value = "AZE";
    document.getElementById("path-to").value = "SAU";
    form.requestSubmit();
  });
  list.addEventListener("click", (ev) => {
    const hop = ev.target.closest(".hop");
    if (hop) emit("select", hop.dataset.id);
  });
  return {
    async run(fromId, toId) {
      document.getElementById("path-from").value = fromId;
      document.getElementById("path-to").value = toId;
      form.requestSubmit();
    },
  };
}
