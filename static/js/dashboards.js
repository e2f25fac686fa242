// Dashboard charts (Chart.js, vendored). Each <canvas data-chart="ID"> is drawn from the JSON in
// <script type="application/json" id="ID"> (Django's json_script); the same numbers are in the
// table next to it. No inline scripts (CSP).
(function () {
  "use strict";

  const COLORS = ["#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a"];
  const NUMBER = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
  const MONEY = new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 });

  function gradeColor(value) {
    if (value === null) return "#bdbdbd";
    if (value >= 90) return "#2e7d32";
    if (value >= 80) return "#1565c0";
    if (value >= 70) return "#ef6c00";
    return "#c62828";
  }

  function draw(canvas) {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const data = JSON.parse(source.textContent);
    const format = data.money ? (v) => MONEY.format(v) : data.percent ? (v) => NUMBER.format(v) + "%" : (v) => NUMBER.format(v);
    const datasets = data.series.map((series, index) => ({
      label: series.label,
      data: series.values,
      backgroundColor: data.grades ? series.values.map(gradeColor) : COLORS[index % COLORS.length],
    }));
    const valueAxis = { beginAtZero: true, ticks: { callback: (value) => format(value) } };
    if (data.percent) valueAxis.max = 100;
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: datasets },
      options: {
        indexAxis: data.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: "id-ID",
        plugins: {
          legend: { display: datasets.length > 1, position: "bottom" },
          tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.raw === null ? "–" : format(ctx.raw)}` } },
        },
        scales: data.horizontal ? { x: valueAxis, y: { ticks: { autoSkip: false } } } : { y: valueAxis, x: { ticks: { autoSkip: false } } },
      },
    });
  }

  function start() {
    if (typeof window.Chart === "undefined") return;
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
