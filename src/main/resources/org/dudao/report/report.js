(function () {
  'use strict';
  // Filters by status, region and indicator over the matrix and the verdict list; the script writes no markup.
  var fStatus = document.getElementById('f-status');
  var fRegion = document.getElementById('f-region');
  var fIndicator = document.getElementById('f-indicator');
  var shown = document.getElementById('f-count');

  function apply() {
    var s = fStatus.value, r = fRegion.value, ind = fIndicator.value;
    document.querySelectorAll('#matrix tbody tr[data-indicator]').forEach(function (tr) {
      tr.classList.toggle('hidden', ind !== '' && tr.getAttribute('data-indicator') !== ind);
    });
    document.querySelectorAll('#matrix [data-region]').forEach(function (c) {
      c.classList.toggle('hidden', r !== '' && c.getAttribute('data-region') !== r);
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
  document.body.setAttribute('data-ready', 'filters');
})();
