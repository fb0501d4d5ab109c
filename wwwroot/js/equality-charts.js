// Draws each equality chart from its JSON block (CSP allows no inline script). Without JavaScript the tables beside them carry every figure.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var colours = ['#1d4f91', '#b35c00', '#2e7d32', '#6a1b9a'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart'));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var line = data.type === 'line';
    var unit = data.unit;
    var format = function (value) {
      if (value === null || value === undefined) { return 'fewer than 5'; }
      return unit === '£' ? '£' + Number(value).toLocaleString('en-GB') : value + (unit === '%' ? '%' : '');
    };
    new Chart(canvas, {
      type: data.type,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series, i) {
          return {
            label: series.label,
            data: series.values,
            borderColor: colours[i % colours.length],
            backgroundColor: colours[i % colours.length],
            spanGaps: false
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: line ? 'x' : 'y',
        plugins: {
          title: { display: true, text: data.title },
          tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + format(ctx.raw); } } }
        },
        scales: line ? { y: { beginAtZero: true, max: 100 } } : { x: { beginAtZero: true, max: unit === '%' ? 100 : undefined } }
      }
    });
  });
})();
