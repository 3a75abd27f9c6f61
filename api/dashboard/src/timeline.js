// Timeline: claims per month by relation type (stacked bars, Chart.js).
/* global Chart */
import { getJSON, itemsOf } from "./api.js";
import { EDGE_COLOURS } from "./network.js";

const SERIES = [
  { type: "RECOGNIZES", label: "Recognitions" },
  { type: "MEMBER_OF", label: "Memberships" },
  { type: "NEGOTIATING_WITH", label: "Negotiations" },
];

// Every month from the first to the last period, so gaps show as gaps.
function months(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

function bucketsToSeries(buckets, sinceYear) {
  const counts = new Map(); // period -> {type: n}
  for (const b of buckets) {
    const period = String(b.period || b.month || "").slice(0, 7);
    if (!period || (sinceYear && Number(period.slice(0, 4)) < sinceYear)) continue;
    const row = counts.get(period) || {};
    row[b.predicate || b.type] = (row[b.predicate || b.type] || 0) + (b.count || 0);
    counts.set(period, row);
  }
  const periods = [...counts.keys()].sort();
  const labels = periods.length ? months(periods[0], periods[periods.length - 1]) : [];
  const datasets = SERIES.map((s) => ({
    label: s.label, backgroundColor: EDGE_COLOURS[s.type], borderRadius: 2, barPercentage: 1, categoryPercentage: 0.9,
    data: labels.map((p) => (counts.get(p) || {})[s.type] || 0),
  }));
  const total = datasets.reduce((n, d) => n + d.data.reduce((a, b) => a + b, 0), 0);
  return { labels, datasets, total };
}

export function createTimeline(canvas, summary) {
  Chart.defaults.font.family = "'Inter Variable', system-ui, sans-serif";
  Chart.defaults.color = "#5d6b7e";
  const chart = new Chart(canvas, {
    type: "bar",
    data: { labels: [], datasets: [] },
    options: {
      responsive: true, maintainAspectRatio: false, animation: { duration: 250 },
      interaction: { mode: "index", intersect: false },
      plugins: { legend: { position: "top", align: "end", labels: { boxWidth: 12, boxHeight: 12 } } },
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 14 } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: "#eef1f6" } },
      },
    },
  });
  return {
    chart,
    async load(entityId, sinceYear, name) {
      const body = await getJSON("/v1/timeline", { entity: entityId || undefined, interval: "month" });
      const { labels, datasets, total } = bucketsToSeries(itemsOf(body), sinceYear);
      chart.data.labels = labels;
      chart.data.datasets = datasets;
      chart.update();
      const scope = entityId ? `involving ${name}` : "in the whole graph";
      const span = labels.length ? `, ${labels[0]} to ${labels[labels.length - 1]}` : "";
      summary.textContent = `${total} claims per month ${scope}${span}.`;
      summary.dataset.total = String(total);
    },
  };
}
