// Wires the panels together: search and map pick the focus, the slider picks the as-of date.
import { emit, esc, isoDate, on, state } from "./api.js";
import { initEvidence, showEvidence } from "./evidence.js";
import { loadFocus } from "./focus.js";
import { createMap } from "./map.js";
import { createNetwork } from "./network.js";
import { initPaths } from "./paths.js";
import { initSearch, loadEntities } from "./search.js";
import { createTimeline } from "./timeline.js";

const FIRST_YEAR = 1945;
const DEFAULT_FOCUS = "ISR";

function banner(message) {
  const el = document.getElementById("banner");
  el.textContent = message;
  el.hidden = false;
}

// Slider position i is the last day of month i counted from January 1945; the end is today.
function sliderDate(slider) {
  const i = Number(slider.value);
  if (i >= Number(slider.max)) return isoDate(new Date());
  const year = FIRST_YEAR + Math.floor(i / 12);
  return isoDate(new Date(Date.UTC(year, (i % 12) + 1, 0)));
}

function initSlider(onChange) {
  const slider = document.getElementById("asof-slider");
  const label = document.getElementById("asof-label");
  const now = new Date();
  slider.max = String((now.getUTCFullYear() - FIRST_YEAR) * 12 + now.getUTCMonth());
  slider.value = slider.max;
  let timer = null;
  const changed = () => {
    state.asOf = sliderDate(slider);
    label.textContent = state.asOf;
    clearTimeout(timer);
    timer = setTimeout(onChange, 120);
  };
  slider.addEventListener("input", changed);
  document.getElementById("asof-today").addEventListener("click", () => { slider.value = slider.max; changed(); });
  state.asOf = sliderDate(slider);
  label.textContent = state.asOf;
}

function mapSummary(map, focus, lists) {
  const el = document.getElementById("map-summary");
  const items = focus.kind === "agreement" ? lists.members : lists["recognized-by"];
  const inForce = items.filter((i) => i.status === "in_force");
  const others = ["announced", "proposed", "denied", "ended"]
    .map((s) => [s, items.filter((i) => i.status === s).length]).filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s.replace("_", " ")}`);
  const verb = focus.kind === "agreement" ? `members of ${esc(focus.name)}` : `states recognize ${esc(focus.name)}`;
  el.innerHTML = `<strong>${inForce.length}</strong> ${verb} as of ${esc(state.asOf)}` +
    (others.length ? ` · ${esc(others.join(", "))}` : "");
  el.dataset.count = String(inForce.length);
  el.dataset.asOf = state.asOf;
  const missing = items.filter((i) => !map.drawn.has(i.id)).map((i) => i.name);
  document.getElementById("map-missing").textContent = missing.length
    ? `Not drawn at this scale: ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ` and ${missing.length - 8} more` : ""}.`
    : "";
  return items;
}

async function main() {
  if (!window.d3 || !window.topojson || !window.cytoscape || !window.Chart) {
    banner("The dashboard's npm packages are not installed: run `npm ci` in api/dashboard (make setup does it).");
    return;
  }
  initEvidence();
  initSearch();
  const tooltip = document.getElementById("map-tooltip");
  const network = createNetwork(document.getElementById("network"), document.getElementById("net-summary"),
    document.getElementById("net-toggles"));
  const timeline = createTimeline(document.getElementById("timeline"), document.getElementById("tl-summary"));
  const paths = initPaths();
  let seq = 0;

  const edgeToFocus = (otherId, item) => {
    const f = state.focus;
    const type = f.kind === "agreement" ? "MEMBER_OF" : "RECOGNIZES";
    emit("evidence", { subject: otherId, type, object: f.id, item });
  };
  const map = await createMap(document.getElementById("map"), tooltip, {
    onEdge: edgeToFocus, onSelect: (id) => emit("select", id),
  });

  const refresh = async () => {
    const mine = ++seq;
    const focus = state.focus;
    const lists = await loadFocus(focus);
    if (mine !== seq) return;
    const items = mapSummary(map, focus, lists);
    map.update(new Map(items.map((i) => [i.id, i])), focus.id);
    document.body.dataset.ready = "true";
  };
  const reloadTimeline = () => {
    const scope = document.querySelector("input[name='tl-scope']:checked").value;
    const since = document.getElementById("tl-window").value;
    const f = state.focus;
    return timeline.load(scope === "all" ? null : f.id, since === "all" ? null : Number(since), f.name);
  };
  const report = (err) => banner(`Could not load data: ${err.message}`);

  on("focus", (f) => {
    state.focus = f;
    history.replaceState(null, "", `#${encodeURIComponent(f.id)}`);
    document.getElementById("search").value = f.name;
    Promise.all([refresh(), network.load(f.id), reloadTimeline()]).catch(report);
  });
  on("select", (id) => {
    const e = state.byId.get(id);
    if (e) emit("focus", { id: e.id, kind: e.kind, name: e.name });
  });
  on("evidence", (edge) => showEvidence(edge));
  initSlider(() => Promise.all([refresh(), network.load(state.focus.id)]).catch(report));
  document.querySelectorAll("input[name='tl-scope']").forEach((r) => r.addEventListener("change", reloadTimeline));
  document.getElementById("tl-window").addEventListener("change", reloadTimeline);
  document.getElementById("net-reset").addEventListener("click", () => network.load(state.focus.id));

  await loadEntities();
  const wanted = decodeURIComponent(window.location.hash.slice(1)) || DEFAULT_FOCUS;
  const first = state.byId.get(wanted) || state.byId.get(DEFAULT_FOCUS) || state.entities[0];
  if (first) emit("select", first.id);
  window.diplograph = { state, paths, network, timeline, map };
}

main().catch((err) => banner(`The dashboard failed to start: ${err.message}`));
