(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('chart-data').textContent);

  function svgEl(name, attrs, text) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  function shorten(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

  // Horizontal stacked bars, one per row, segments by status; text goes in through textContent only.
  function chart(host, rows, title) {
    var labelW = 300, barW = 420, rowH = 22, top = 30;
    var w = labelW + barW + 50, h = top + Math.max(1, rows.length) * rowH + 8;
    var svg = svgEl('svg', { width: w, height: h, viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': title });
    svg.appendChild(svgEl('text', { x: 0, y: 18, 'class': 'ct' }, title));
    var max = 1;
    rows.forEach(function (r) { max = Math.max(max, r.counts.reduce(function (a, b) { return a + b; }, 0)); });
    rows.forEach(function (r, i) {
      var y = top + i * rowH, x = labelW, total = 0;
      var label = svgEl('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end' }, shorten(r.label, 24));
      label.appendChild(svgEl('title', {}, r.label));
      svg.appendChild(label);
      r.counts.forEach(function (c, j) {
        if (!c) return;
        var bw = c / max * barW;
        var rect = svgEl('rect', { x: x, y: y + 3, width: bw, height: rowH - 6, fill: data.statuses[j].color, 'class': 'bar' });
        rect.appendChild(svgEl('title', {}, r.label + '：' + data.statuses[j].label + ' ' + c));
        svg.appendChild(rect);
        x += bw;
        total += c;
      });
      svg.appendChild(svgEl('text', { x: x + 4, y: y + 15 }, String(total)));
    });
    host.appendChild(svg);
  }

  function legend(host) {
    data.statuses.forEach(function (s) {
      var span = document.createElement('span');
      var box = document.createElement('i');
      box.style.background = s.color;
      span.appendChild(box);
      span.appendChild(document.createTextNode(s.label));
      host.appendChild(span);
    });
  }

  legend(document.getElementById('legend'));
  chart(document.getElementById('chart-indicator'), data.byIndicator, '按指标');
  chart(document.getElementById('chart-region'), data.byRegion, data.byRegionTitle);

  // Filters: by status, region and indicator, over the matrix and the verdict list.
  var fStatus = document.getElementById('f-status');
  var fRegion = document.getElementById('f-region');
  var fIndicator = document.getElementById('f-indicator');
  var shown = document.getElementById('f-count');

  function apply() {
    var s = fStatus.value, r = fRegion.value, ind = fIndicator.value;
    document.querySelectorAll('#matrix tbody tr').forEach(function (tr) {
      tr.classList.toggle('hidden', r !== '' && tr.getAttribute('data-region') !== r);
    });
    document.querySelectorAll('#matrix [data-indicator]').forEach(function (c) {
      c.classList.toggle('hidden', ind !== '' && c.getAttribute('data-indicator') !== ind);
      if (c.tagName === 'TD') c.classList.toggle('dim', s !== '' && c.getAttribute('data-status') !== s);
    });
    var n = 0;
    document.querySelectorAll('#details details').forEach(function (d) {
      var ok = (s === '' || d.getAttribute('data-status') === s) && (r === '' || d.getAttribute('data-region') === r)
        && (ind === '' || d.getAttribute('data-indicator') === ind);
      d.classList.toggle('hidden', !ok);
      if (ok) n++;
    });
    shown.textContent = String(n);
  }

  [fStatus, fRegion, fIndicator].forEach(function (f) { f.addEventListener('change', apply); });
  apply();
  document.body.setAttribute('data-ready', 'chart');
})();
