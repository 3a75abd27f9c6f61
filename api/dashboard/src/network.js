// Membership network (Cytoscape.js): the focus and its neighbours, expandable node by node.
/* global cytoscape */
import { emit, getJSON, state } from "./api.js";

export const EDGE_COLOURS = { MEMBER_OF: "#e07b39", NEGOTIATING_WITH: "#7b5cc4", RECOGNIZES: "#2f9e6e" };
const MAX_LABEL = 22;

export const GRAPH_STYLE = [
  { selector: "node", style: {
    "font-family": "Inter Variable, system-ui, sans-serif", "font-size": 10, color: "#17212f",
    "text-valign": "bottom", "text-margin-y": 4, label: "data(label)", "text-wrap": "ellipsis",
    "text-max-width": 110, "min-zoomed-font-size": 6,
  } },
  { selector: "node[kind = 'country']", style: {
    shape: "ellipse", width: 30, height: 30, "background-color": "#2453a6", "border-width": 2, "border-color": "#fff",
    label: "data(id)", "text-valign": "center", "text-margin-y": 0, color: "#fff", "font-size": 9, "font-weight": 700,
  } },
  { selector: "node[kind = 'agreement']", style: {
    shape: "round-rectangle", width: 22, height: 22, "background-color": "#e07b39", "border-width": 2, "border-color": "#fff",
  } },
  { selector: "node.expanded", style: { "border-color": "#17212f" } },
  { selector: "node.center", style: { width: 38, height: 38, "background-color": "#1c2f52", "font-size": 10, "border-width": 3, "border-color": "#9fb6de" } },
  { selector: "node:selected", style: { "overlay-opacity": 0.12, "overlay-color": "#2453a6" } },
  { selector: "edge", style: {
    width: 1.6, "curve-style": "bezier", opacity: 0.75, "line-color": "data(colour)",
    "target-arrow-color": "data(colour)", "arrow-scale": 0.7,
  } },
  { selector: "edge[predicate = 'RECOGNIZES']", style: { "target-arrow-shape": "triangle" } },
  { selector: "edge[status = 'announced'], edge[status = 'proposed']", style: { "line-style": "dashed" } },
  { selector: "edge[status = 'denied']", style: { "line-color": "#d1495b", "target-arrow-color": "#d1495b", "line-style": "dotted" } },
  { selector: "edge[status = 'ended']", style: { opacity: 0.3 } },
  { selector: "edge:selected", style: { width: 3.5, opacity: 1 } },
  { selector: ".hidden", style: { display: "none" } },
];

function nodeData(n) {
  const label = n.name.length > MAX_LABEL ? `${n.name.slice(0, MAX_LABEL - 1)}…` : n.name;
  return { group: "nodes", data: { id: n.id, kind: n.kind, name: n.name, label } };
}

function edgeData(e) {
  const id = `${e.source}|${e.predicate}|${e.target}`;
  return { group: "edges", data: { id, source: e.source, target: e.target, predicate: e.predicate,
    status: e.status, confidence: e.confidence, colour: EDGE_COLOURS[e.predicate] || "#8795a8" } };
}

export function createNetwork(container, summary, toggles) {
  const cy = cytoscape({ container, style: GRAPH_STYLE, minZoom: 0.2, maxZoom: 3});
  const expanded = new Set();
  let center = null;

  const shownTypes = () => new Set([...toggles.querySelectorAll("input:checked")].map((i) => i.value));
  const filter = () => {
    const types = shownTypes();
    const shown = (e) => types.has(e.data("predicate"));
    cy.batch(() => {
      cy.edges().forEach((e) => e.toggleClass("hidden", !shown(e)));
      cy.nodes().forEach((n) => {
        const keep = n.id() === center || expanded.has(n.id()) || n.connectedEdges().some(shown);
        n.toggleClass("hidden", !keep);
      });
    });
    const nodes = cy.nodes().not(".hidden").length;
    const edges = cy.edges().not(".hidden").length;
    summary.textContent = `${nodes} nodes · ${edges} edges as of ${state.asOf} · ${expanded.size} expanded`;
  };
  const layout = () => {
    const live = cy.elements().not(".hidden");
    const big = live.nodes().length > 80;
    live.layout(big
      ? { name: "concentric", concentric: (n) => (n.id() === center ? 3 : expanded.has(n.id()) ? 2 : 1), levelWidth: () => 1, animate: false, minNodeSpacing: 6 }
      : { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 60, nodeOverlap: 40, gravity: 1, numIter: 2000, padding: 24 },
    ).run();
    cy.fit(live, 24);
    if (cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(live); }
  };

  async function expand(id) {
    const body = await getJSON("/v1/graph", { center: id, depth: 1, as_of: state.asOf });
    const origin = cy.getElementById(id).position() || { x: 0, y: 0 };
    cy.batch(() => {
      const ends = new Set((body.edges || []).flatMap((x) => (x.source === id || x.target === id ? [x.source, x.target] : [])));
      // New nodes start on a circle around the clicked one: the layout is then deterministic.
      const fresh = (body.nodes || []).filter((x) => (x.id === id || ends.has(x.id)) && cy.getElementById(x.id).empty());
      fresh.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / fresh.length;
        cy.add({ ...nodeData(n), position: { x: origin.x + 150 * Math.cos(angle), y: origin.y + 150 * Math.sin(angle) } });
      });
      // Only the expanded node's own edges: a star per click stays readable.
      for (const e of (body.edges || []).filter((x) => x.source === id || x.target === id)) {
        const el = edgeData(e);
        if (cy.getElementById(el.data.id).empty()) cy.add(el);
      }
    });
    expanded.add(id);
    cy.getElementById(id).addClass("expanded");
    filter();
    layout();
  }

  cy.on("tap", "node", (ev) => { if (!expanded.has(ev.target.id())) expand(ev.target.id()); });
  cy.on("dbltap", "node", (ev) => emit("select", ev.target.id()));
  cy.on("tap", "edge", (ev) => {
    const d = ev.target.data();
    emit("evidence", { subject: d.source, type: d.predicate, object: d.target, item: { status: d.status } });
  });
  toggles.addEventListener("change", () => { filter(); layout(); });

  return {
    cy,
    async load(id) {
      center = id;
      expanded.clear();
      cy.elements().remove();
      await expand(id);
      cy.getElementById(id).addClass("center");
    },
  };
}
