// dudao 督导 console: the upload preview and a run's live progress. Served from /static (CSP: script-src 'self');
// everything from the server is written with textContent, never as markup.
(function () {
  'use strict';
  var csrf = (document.querySelector('meta[name=csrf]') || {}).content || '';

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function size(b) {
    return b < 1024 ? b + ' B' : b < 1048576 ? (b / 1024).toFixed(1) + ' KB' : (b / 1048576).toFixed(1) + ' MB';
  }

  // ---- 上传评估: drop files, see their years and regions before the run --------------------------
  var input = document.getElementById('workbooks');
  var drop = document.getElementById('drop');
  function preview() {
    var box = document.getElementById('preview');
    var rows = document.getElementById('preview-rows');
    var note = document.getElementById('preview-note');
    if (!input.files.length) { box.hidden = true; return; }
    box.hidden = false;
    rows.textContent = '';
    note.textContent = '正在识别各工作簿的年度和地区……';
    var form = new FormData();
    for (var i = 0; i < input.files.length; i++) form.append('workbooks', input.files[i]);
    fetch('/api/inspect', { method: 'POST', body: form, headers: { 'X-CSRF-Token': csrf }, credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        if (!res.ok) { note.textContent = res.body.error || '无法识别'; return; }
        res.body.inputs.forEach(function (f) {
          var tr = el('tr');
          tr.appendChild(el('td', f.name));
          tr.appendChild(el('td', f.type));
          tr.appendChild(el('td', size(f.bytes)));
          tr.appendChild(el('td', (f.years || []).join('、')));
          var regions = (f.regions || []).join('、');
          if (f.regionCount > (f.regions || []).length) regions += ' 等 ' + f.regionCount + ' 个';
          tr.appendChild(el('td', regions));
          tr.appendChild(el('td', f.problem || ''));
          rows.appendChild(tr);
        });
        note.textContent = '确认无误后点“开始评估”。';
      })
      .catch(function () { note.textContent = '预检失败，仍可开始评估。'; });
  }
  if (input) {
    input.addEventListener('change', preview);
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) {
      e.preventDefault();
      drop.classList.remove('over');
      input.files = e.dataTransfer.files;
      preview();
    });
  }

  // ---- 运行结果: follow a queued or running run until it ends, then show the result ----------------
  var run = document.getElementById('run');
  if (run && (run.dataset.state === 'QUEUED' || run.dataset.state === 'RUNNING')) {
    var shown = document.querySelectorAll('#progress li').length;
    var poll = function () {
      fetch('/api/runs/' + run.dataset.id, { credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          document.getElementById('state').textContent = s.stateLabel;
          document.getElementById('stage').textContent = s.stage || '';
          document.getElementById('position').textContent = s.position > 0 ? '排在队列第 ' + s.position + ' 位' : '';
          var list = document.getElementById('progress');
          (s.progress || []).slice(shown).forEach(function (p) {
            var li = el('li');
            li.appendChild(el('time', p.at));
            li.appendChild(document.createTextNode(' '));
            li.appendChild(el('b', p.stage));
            li.appendChild(document.createTextNode(' ' + p.message));
            list.appendChild(li);
          });
          shown = (s.progress || []).length;
          if (s.state === 'queued' || s.state === 'running') setTimeout(poll, 1000);
          else location.reload();
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 500);
  }
})();
