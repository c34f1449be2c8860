// Population register import page: uploads the file as the raw request body (no size limit of
// multipart forms), shows the upload and import progress by polling the API, then reloads the page
// to list the refused rows.
(function () {
  'use strict';
  var form = document.getElementById('register-upload-form');
  var panel = document.getElementById('register-progress');
  if (!form || !panel) {
    return;
  }
  var bar = document.getElementById('register-progress-bar');
  var text = document.getElementById('register-progress-text');
  var counts = document.getElementById('register-counts');
  var error = document.getElementById('register-error');
  var english = (document.documentElement.lang || '').indexOf('en') === 0;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (all, i) {
      return values[i] === undefined ? all : Number(values[i]).toLocaleString();
    });
  }

  function show(job) {
    panel.hidden = false;
    error.hidden = true;
    bar.style.width = job.percent + '%';
    var phase = job.status === 'RUNNING' ? job.phase.toLowerCase() : job.status.toLowerCase();
    text.textContent = panel.dataset['text' + phase.charAt(0).toUpperCase() + phase.slice(1)] || phase;
    counts.textContent = format(panel.dataset.textCounts,
        [job.rowsRead, job.rowsRejected, job.rowsInserted, job.rowsUpdated, job.rowsUnchanged]);
  }

  function fail(problem) {
    panel.hidden = false;
    error.hidden = false;
    error.textContent = problem ? (english ? problem.messageEn : problem.messageZh) : panel.dataset.textError;
  }

  function poll(id) {
    fetch(form.dataset.api + '/' + id, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (!job.id) { fail(job); return; }
        show(job);
        if (job.status === 'RUNNING') {
          setTimeout(function () { poll(id); }, 1000);
        } else {
          window.location.href = form.dataset.page + '?job=' + encodeURIComponent(id);
        }
      })
      .catch(function () { setTimeout(function () { poll(id); }, 3000); });
  }

  form.addEventListener('submit', function (event) {
    var input = document.getElementById('register-file');
    if (!input.files || input.files.length === 0) {
      return;
    }
    event.preventDefault();
    var file = input.files[0];
    var request = new XMLHttpRequest();
    request.open('POST', form.dataset.api + '?fileName=' + encodeURIComponent(file.name));
    request.setRequestHeader('Content-Type', 'text/csv');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('X-XSRF-TOKEN', csrfToken());
    panel.hidden = false;
    error.hidden = true;
    text.textContent = panel.dataset.textUploading;
    request.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        bar.style.width = Math.round(e.loaded * 100 / e.total) + '%';
      }
    };
    request.onload = function () {
      var body = null;
      try { body = JSON.parse(request.responseText); } catch (ignored) { body = null; }
      if (request.status === 202 && body) {
        show(body);
        poll(body.id);
      } else {
        fail(body);
      }
    };
    request.onerror = function () { fail(null); };
    request.send(file);
  });

  if (panel.dataset.job) {
    poll(panel.dataset.job);
  }
})();
