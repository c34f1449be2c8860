// Health-authority page: a large feed takes seconds; show that it is being processed and prevent a
// second submission of the same file.
(function () {
  var form = document.getElementById('feed-form');
  if (!form) return;
  form.addEventListener('submit', function () {
    var button = document.getElementById('feed-submit');
    var progress = document.getElementById('feed-progress');
    if (button) { button.disabled = true; button.textContent = button.getAttribute('data-busy'); }
    if (progress) progress.hidden = false;
  });
})();

// Manual change: find the person by document number with a stated reason (the person search,
// audited there), list the masked matches and put the chosen one's id into the form.
(function () {
  var box = document.getElementById('person-search');
  if (!box) return;
  var results = document.getElementById('s-results');
  var error = document.getElementById('s-error');

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split(';') : [];
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i].trim();
      if (part.indexOf(name + '=') === 0) return decodeURIComponent(part.substring(name.length + 1));
    }
    return '';
  }

  // the message in the page's language (the language cookie may have changed in another tab)
  function messageOf(problem) {
    if (!problem) return '';
    var english = (document.documentElement.lang || '').indexOf('en') === 0;
    return (english ? problem.messageEn : problem.messageZh) || problem.detail || problem.title || '';
  }

  function fail(text) {
    error.textContent = text;
    error.hidden = false;
  }

  function choose(match, label) {
    document.getElementById('m-person').value = match.personId;
    document.getElementById('m-person-chosen').textContent = label;
  }

  function show(matches) {
    results.textContent = '';
    if (!matches.length) { fail(box.getAttribute('data-none')); return; }
    matches.forEach(function (m) {
      var label = m.maskedName + ' · ' + m.maskedDocumentNumber + ' · ' + m.birthYear +
        (m.colour ? ' · ' + (box.getAttribute('data-colour-' + m.colour.toLowerCase()) || m.colour) : '');
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary s-choose';
      button.setAttribute('data-person', m.personId);
      button.textContent = box.getAttribute('data-choose') + ': ' + label;
      button.addEventListener('click', function () { choose(m, label); });
      item.appendChild(button);
      results.appendChild(item);
    });
  }

  document.getElementById('s-submit').addEventListener('click', function () {
    error.hidden = true;
    results.textContent = '';
    fetch('/api/staff/persons/search', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json, application/problem+json',
        'X-XSRF-TOKEN': cookie('XSRF-TOKEN')
      },
      body: JSON.stringify({
        documentType: document.getElementById('s-type').value,
        documentNumber: document.getElementById('s-number').value,
        reason: document.getElementById('s-reason').value
      })
    }).then(function (response) {
      return response.json().then(function (data) {
        if (response.ok) { show(data.matches || []); }
        else { fail(messageOf(data) || box.getAttribute('data-failed')); }
      });
    }).catch(function () { fail(box.getAttribute('data-failed')); });
  });
})();
