// Recognition map: Natural Earth shapes (world-atlas) drawn with d3-geo, coloured by status.
/* global d3, topojson */
import { esc, fmtDate, getJSON, STATUS_LABEL, state } from "./api.js";

const WIDTH = 960;
const HEIGHT = 470;
const ANTARCTICA = "010";

function shapeName(d) {
  const known = d.iso && state.byId.get(d.iso);
  return known ? known.name : d.properties.name;
}

function tooltipHtml(d, rel) {
  const head = `<strong>${esc(shapeName(d))}</strong>${d.iso ? ` <span class="muted">${esc(d.iso)}</span>` : ""}`;
  if (d.iso && state.focus && d.iso === state.focus.id) return `${head}<br><span class="muted">selected</span>`;
  if (!rel) return `${head}<br><span class="muted">no relation as of ${esc(state.asOf)}</span>`;
  const since = rel.since ? ` since ${esc(fmtDate(rel.since))}` : "";
  const until = rel.until ? `, until ${esc(fmtDate(rel.until))}` : "";
  return `${head}<br>${esc(STATUS_LABEL[rel.status] || rel.status)}${since}${until}` +
    `<br><span class="muted">${esc(rel.evidence_count ?? 0)} claim(s) · click for evidence</span>`;
}

export async function createMap(el, tooltip, { onEdge, onSelect }) {
  const [topo, ids] = await Promise.all([
    getJSON("/dashboard/vendor/countries-50m.json"), getJSON("/dashboard/atlas-ids.json"),
  ]);
  const features = topojson.feature(topo, topo.objects.countries).features
    .filter((f) => f.id !== ANTARCTICA);
  for (const f of features) f.iso = ids.numeric[f.id] || ids.names[f.properties.name] || null;
  const drawn = new Set(features.map((f) => f.iso).filter(Boolean));

  const projection = d3.geoNaturalEarth1()
    .fitExtent([[6, 6], [WIDTH - 6, HEIGHT - 6]], { type: "FeatureCollection", features });
  const path = d3.geoPath(projection);
  const svg = d3.select(el).append("svg")
    .attr("viewBox", `0 0 ${WIDTH} ${HEIGHT}`).attr("preserveAspectRatio", "xMidYMid meet");
  const layer = svg.append("g");
  layer.append("path").attr("class", "graticule").attr("d", path(d3.geoGraticule10()));
  const shapes = layer.append("g").selectAll("path").data(features).join("path")
    .attr("class", "country").attr("d", path).attr("data-id", (d) => d.iso || "");

  // Small states vanish at world scale: a pin marks the selected one.
  const pin = layer.append("circle").attr("class", "pin").attr("r", 5).attr("hidden", true);
  const pinAt = (id) => {
    const f = features.find((x) => x.iso === id);
    if (!f) { pin.attr("hidden", true); return; }
    const [x, y] = path.centroid(f);
    pin.attr("hidden", null).attr("cx", x).attr("cy", y);
  };
  let relations = new Map();
  const place = (ev) => {
    const box = el.parentElement.getBoundingClientRect();
    tooltip.style.left = `${ev.clientX - box.left + 14}px`;
    tooltip.style.top = `${ev.clientY - box.top + 14}px`;
  };
  shapes
    .on("mousemove", (ev, d) => { tooltip.hidden = false; tooltip.innerHTML = tooltipHtml(d, relations.get(d.iso)); place(ev); })
    .on("mouseleave", () => { tooltip.hidden = true; })
    .on("click", (ev, d) => {
      if (!d.iso) return;
      if (relations.has(d.iso)) onEdge(d.iso, relations.get(d.iso));
      else if (!state.focus || d.iso !== state.focus.id) onSelect(d.iso);
    })
    .on("dblclick", (ev, d) => { if (d.iso) onSelect(d.iso); });

  const zoom = d3.zoom().scaleExtent([1, 10]).translateExtent([[0, 0], [WIDTH, HEIGHT]])
    .on("zoom", (ev) => layer.attr("transform", ev.transform));
  svg.call(zoom).on("dblclick.zoom", null);

  return {
    drawn,
    // Colour every shape from a Map(countryId -> relation item); the focus gets its own colour.
    update(byId, focusId) {
      relations = byId;
      pinAt(focusId);
      shapes.attr("data-status", (d) => {
        if (d.iso && d.iso === focusId) return "focus";
        const rel = d.iso && byId.get(d.iso);
        return rel ? rel.status : null;
      });
    },
  };
}
