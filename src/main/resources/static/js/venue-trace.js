/*
 * The health authority's trace page (templates/venues/traces.html) on the trace API: the query
 * goes as a POST body (no document number or case in a URL), the rows are shown as text (never
 * as markup), the CSV comes from the same query. From a person's trace, "who passed this venue"
 * fills the venue query with the same window, case and basis. A page holds 1 000 passages; "show
 * the next" asks for the page after the last one shown (the answer's next) and appends it.
 */
(function () {
  'use strict';

  var root = document.getElementById('traces');
  if (!root) {
    return;
  }
  var api = root.getAttribute('data-api');
  var english = document.documentElement.lang === 'en';

  function $(id) {
    return document.getElementById(id);
  }

  var texts = {};
  Array.prototype.forEach.call($('trace-texts').children, function (li) {
    texts[li.getAttribute('data-key')] = li.textContent;
  });

  function kind() {
    return $('kind-venue').checked ? 'venue' : 'person';
  }

  function showKind() {
    $('venue-fields').hidden = kind() !== 'venue';
    $('person-fields').hidden = kind() !== 'person';
  }
  $('kind-venue').addEventListener('change', showKind);
  $('kind-person').addEventListener('change', showKind);

  /** A datetime-local value is the city's time on this computer: sent as an instant. */
  function instant(id) {
    var value = $(id).value;
    return value ? new Date(value).toISOString() : null;
  }

  /** Where the shown rows end: the last answer's next, sent as after for the following page. */
  var next = null;

  function body(after) {
    var query = {
      from: instant('from'),
      to: instant('to'),
      caseRef: $('case-ref').value.trim(),
      legalBasis: $('legal-basis').value.trim()
    };
    if (kind() === 'venue') {
      query.venueId = $('venue-id').value.trim() || null;
    } else {
      query.documentType = $('document-type').value;
      query.documentNumber = $('document-number').value.trim();
    }
    if (after) {
      query.after = after;
    }
    return query;
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function post(path, accept, after) {
    return fetch(api + '/' + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: accept + ', application/problem+json',
        'X-XSRF-TOKEN': csrfToken()
      },
      body: JSON.stringify(body(after))
    });
  }

  function refused(response) {
    return response.json().then(
      function (problem) {
        var el = $('trace-error');
        el.textContent = (english ? problem.messageEn : problem.messageZh) || problem.detail || problem.code;
        el.setAttribute('data-code', problem.code || '');
        el.hidden = false;
      },
      function () {
        $('trace-error').textContent = String(response.status);
        $('trace-error').hidden = false;
      }
    );
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text || '';
    row.appendChild(td);
    return td;
  }

  function show(trace, append) {
    var rows = $('trace-rows');
    if (!append) {
      rows.textContent = '';
    }
    trace.passages.forEach(function (p) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-provenance', p.provenance);
      tr.setAttribute('data-reason', p.reason);
      cell(tr, p.passedAtText);
      cell(tr, p.venueName);
      cell(tr, p.name);
      cell(tr, p.documentNumber);
      cell(tr, texts['provenance-' + p.provenance] || p.provenance);
      cell(tr, p.admitted ? texts.admitted : texts.refused);
      cell(tr, p.reason);
      var action = cell(tr, '');
      if (kind() === 'person') {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'secondary venue-trace';
        button.textContent = texts['this-venue'];
        button.addEventListener('click', function () {
          $('kind-venue').checked = true;
          $('venue-id').value = p.venueId;
          showKind();
          search();
        });
        action.appendChild(button);
      }
      rows.appendChild(tr);
    });
    next = trace.next || null;
    $('trace-count').textContent = (texts.results || '{0}').replace('{0}', String(rows.children.length));
    $('trace-more').hidden = !next;
    $('trace-more-follow').hidden = !next;
    $('trace-results').hidden = false;
  }

  function search(after) {
    $('trace-error').hidden = true;
    $('trace-more').disabled = true;
    return post(kind(), 'application/json', after).then(function (response) {
      $('trace-more').disabled = false;
      if (!response.ok) {
        if (!after) {
          $('trace-results').hidden = true;
        }
        return refused(response);
      }
      return response.json().then(function (trace) {
        show(trace, !!after);
      });
    });
  }

  $('trace-more').addEventListener('click', function () {
    if (next) {
      search(next);
    }
  });

  $('trace-form').addEventListener('submit', function (event) {
    event.preventDefault();
    search();
  });

  $('trace-csv').addEventListener('click', function () {
    $('trace-error').hidden = true;
    post(kind() + '/csv', 'text/csv').then(function (response) {
      if (!response.ok) {
        return refused(response);
      }
      var name = (response.headers.get('Content-Disposition') || '').match(/filename="?([^";]+)"?/);
      return response.blob().then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = name ? name[1] : 'trace.csv';
        document.body.appendChild(link);
        link.click();
        link.remove();
        root.setAttribute('data-exported', link.download);
      });
    });
  });
})();
