/*
 * Health declaration form: posts to the API with the CSRF header, shows refusals inline. The page
 * names the API and the page to go to afterwards (one's own declaration, or a bound dependant's).
 */
(function () {
  'use strict';
  var form = document.getElementById('declaration-form');
  if (!form) { return; }

  function cookie(name) {
    var prefix = name + '=';
    var parts = document.cookie ? document.cookie.split(';') : [];
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i].trim();
      if (part.indexOf(prefix) === 0) { return decodeURIComponent(part.substring(prefix.length)); }
    }
    return '';
  }

  function showError(problem) {
    document.getElementById('error-message').textContent =
      window.Suishen.messageOf(problem) || form.dataset.network;
    // the message for the person; the code only as a reference for the hotline, set apart
    var code = (problem && problem.code) || '';
    document.getElementById('error-code').textContent = code;
    var reference = document.getElementById('error-reference');
    if (reference) { reference.hidden = !code; }
    var box = document.getElementById('error');
    box.hidden = false;
    box.scrollIntoView({ block: 'center' });
  }

  function checked(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value === 'true' : null;
  }

  // "none" excludes the symptoms and the other way round
  var none = document.getElementById('symptom-NONE');
  form.querySelectorAll('input[name="symptom"]').forEach(function (box) {
    box.addEventListener('change', function () {
      if (!box.checked) { return; }
      if (box === none) {
        form.querySelectorAll('input[name="symptom"]').forEach(function (other) {
          if (other !== none) { other.checked = false; }
        });
      } else {
        none.checked = false;
      }
    });
  });

  var visits = document.getElementById('visits');
  var rowTemplate = document.getElementById('visit-row');
  document.getElementById('add-visit').addEventListener('click', function () {
    var row = rowTemplate.content.firstElementChild.cloneNode(true);
    row.querySelector('.remove-visit').addEventListener('click', function () { row.remove(); });
    visits.appendChild(row);
  });

  function done() { window.location.assign(form.dataset.done); }

  // The status engine evaluates a declaration just after it is stored: wait (a few seconds at most)
  // until the declaration's status link answers 200, so that the next page shows the new colour.
  function awaitStatus(answer) {
    var tries = 0;
    return new Promise(function (resolve) {
      function poll() {
        fetch(answer.statusUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (response) {
            if (response.status === 202 && ++tries < 20) {
              window.setTimeout(poll, 250);
            } else {
              resolve();
            }
          }, resolve);
      }
      if (answer && answer.statusUrl) { poll(); } else { resolve(); }
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    document.getElementById('error').hidden = true;
    var body = {
      symptoms: Array.prototype.map.call(
        form.querySelectorAll('input[name="symptom"]:checked'), function (b) { return b.value; }),
      temperature: form.querySelector('#temperature').value === '' ? null : Number(form.querySelector('#temperature').value),
      contactWithCases: checked('contact'),
      arrivingFromOtherRegion: checked('arriving'),
      regionVisits: Array.prototype.map.call(visits.querySelectorAll('.visit'), function (row) {
        return {
          regionCode: row.querySelector('.region-code').value,
          arrivedOn: row.querySelector('.arrived-on').value || null
        };
      })
    };
    fetch(form.dataset.api, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json, application/problem+json',
        'X-XSRF-TOKEN': cookie('XSRF-TOKEN')
      },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 401) { window.location.assign('/login'); return; }
      if (response.ok) { return response.json().then(awaitStatus).then(done, done); }
      return response.json().then(showError, function () { showError(null); });
    }).catch(function () { showError(null); });
  });
})();
