// Indicator trend charts (region page) and the achievement bars (ranking page).
// The data come from <script type="application/json"> elements; the same numbers are in the
// tables next to the charts, for screen readers and for printing. No inline scripts (CSP).
(function () {
  "use strict";

  const COLORS = ["#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#4e342e"];
  const NUMBER = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });

  function readJSON(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function trendCharts() {
    const trends = readJSON("indicator-trends");
    if (!trends) return;
    const byCode = Object.fromEntries(trends.map((trend) => [trend.code, trend]));
    document.querySelectorAll("canvas[data-trend]").forEach((canvas) => {
      const trend = byCode[canvas.dataset.trend];
      if (!trend || !trend.years.length) return;
      const datasets = [
        {
          label: canvas.dataset.targetLabel || "Target",
          data: trend.target,
          borderColor: "#757575",
          backgroundColor: "#757575",
          borderDash: [6, 4],
          pointRadius: 3,
          spanGaps: true,
        },
      ];
      trend.series.forEach((series, index) => {
        const color = COLORS[index % COLORS.length];
        datasets.push({ label: series.label, data: series.values, borderColor: color, backgroundColor: color, pointRadius: 3, spanGaps: true });
      });
      new window.Chart(canvas, {
        type: "line",
        data: { labels: trend.years.map(String), datasets: datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          locale: "id-ID",
          plugins: {
            legend: { position: "bottom", labels: { boxWidth: 12 } },
            tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? "–" : NUMBER.format(ctx.parsed.y)} ${trend.unit}` } },
          },
          scales: { y: { ticks: { callback: (value) => NUMBER.format(value) } } },
        },
      });
    });
  }

  function rankingChart() {
    const data = readJSON("ranking-chart");
    const canvas = document.getElementById("ranking-canvas");
    if (!data || !canvas) return;
    const colors = data.values.map((value) => (value === null ? "#bdbdbd" : value >= 90 ? "#2e7d32" : value >= 80 ? "#1565c0" : value >= 70 ? "#ef6c00" : "#c62828"));
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: colors }] },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: "id-ID",
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { callback: (value) => NUMBER.format(value) } } },
      },
    });
  }

  function start() {
    if (typeof window.Chart === "undefined") return;
    trendCharts();
    rankingChart();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
