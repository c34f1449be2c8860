/*
 * The portal's offline code (templates/offlinecode/mine.html): the state of the chosen person's
 * code (myself or a bound relative) and the operations it allows: apply, download, report lost,
 * re-apply. A refusal is shown with the server's words in the page's language.
 */
(function () {
  'use strict';

  var root = document.getElementById('offline-mine');
  if (!root) {
    return;
  }
  var english = document.documentElement.lang === 'en';
  var who = document.getElementById('mine-for');

  function $(id) {
    return document.getElementById(id);
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function base() {
    return root.getAttribute('data-api') + (who.value ? '/dependants/' + who.value : '') + '/offline-code';
  }

  function say(id, value, code) {
    var el = $(id);
    el.textContent = value || '';
    el.hidden = !value;
    if (code !== undefined) {
      el.setAttribute('data-code', code || '');
    }
  }

  function call(method, suffix) {
    return fetch(base() + suffix, {
      method: method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() }
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          throw { code: body.code, text: (english ? body.messageEn : body.messageZh) || body.detail };
        }
        return body;
      });
    });
  }

  function render(code) {
    var state = $('mine-state');
    var until = code.expiresAt ? new Date(code.expiresAt).toLocaleDateString(english ? 'en' : 'zh-CN') : '';
    state.textContent = (root.getAttribute('data-' + code.state.toLowerCase()) || '').replace('{0}', until);
    state.setAttribute('data-state', code.state);
    $('mine-apply').hidden = code.state !== 'NONE';
    $('mine-download').hidden = code.state !== 'VALID';
    $('mine-download-card').hidden = code.state !== 'VALID';
    $('mine-download').href = base() + '.pdf?size=A4';
    $('mine-download-card').href = base() + '.pdf?size=CARD';
    $('mine-loss').hidden = code.state !== 'VALID';
    $('mine-reapply').hidden = code.state === 'NONE';
  }

  function load() {
    say('mine-message', '', '');
    return call('GET', '').then(render, function (problem) {
      say('mine-message', problem.text, problem.code);
    });
  }

  function operate(suffix, method, done, question) {
    if (question && !window.confirm(root.getAttribute(question))) {
      return;
    }
    say('mine-message', '', '');
    say('mine-notice', '');
    call(method, suffix).then(
      function () {
        load().then(function () {
          say('mine-notice', root.getAttribute(done));
        });
      },
      function (problem) {
        say('mine-message', problem.text, problem.code);
      }
    );
  }

  $('mine-apply').addEventListener('click', function () {
    operate('', 'POST', 'data-applied');
  });
  $('mine-reapply').addEventListener('click', function () {
    operate('/reapplication', 'POST', 'data-applied', 'data-reapply-confirm');
  });
  $('mine-loss').addEventListener('click', function () {
    operate('/loss', 'POST', 'data-lost', 'data-loss-confirm');
  });
  who.addEventListener('change', function () {
    say('mine-notice', '');
    load();
  });
  load();
})();
