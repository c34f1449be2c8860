/*
 * The kiosk's touch screen for the offline code (templates/offlinecode/kiosk.html, seed 003):
 * start -> sign in (ID card reader, health code or family member's code at the scanner) ->
 * confirm name and photo (or go to the staff window) -> apply, print, report lost, reissue.
 *
 * Every step is a call to /api/kiosk/sessions; a refusal is shown in the person's language with
 * the server's own words. After data-idle-seconds without a touch the session is ended on the
 * server and the screen cleared, so the next person never sees the last one's name.
 *
 * The card reader is an outside device: its driver calls window.SuishenKiosk.cardRead({...}) with
 * what the chip gave; the form on the card screen is the demo adapter doing the same.
 */
(function () {
  'use strict';

  var root = document.getElementById('kiosk');
  if (!root) {
    return;
  }
  var english = document.documentElement.lang === 'en';
  var api = root.getAttribute('data-api');
  var idleSeconds = Number(root.getAttribute('data-idle-seconds')) || 90;
  var screens = ['start', 'card', 'scan', 'confirm', 'staff', 'menu'];
  var session = null; // the server's KioskSession view
  var scanMethod = null; // LIVE_CODE or PROXY_CODE while the scan screen is up
  var lastTouch = Date.now();
  var busy = false;

  function $(id) {
    return document.getElementById(id);
  }

  var texts = {};
  Array.prototype.forEach.call($('kiosk-texts').children, function (li) {
    texts[li.getAttribute('data-key')] = li.textContent;
  });

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function show(name) {
    screens.forEach(function (s) {
      $('screen-' + s).hidden = s !== name;
    });
    root.setAttribute('data-screen', name);
    var signedIn = session !== null;
    $('kiosk-exit').hidden = !signedIn || name === 'staff';
    if (name === 'scan') {
      $('scan-input').value = '';
      $('scan-input').focus();
    }
  }

  function message(text, code) {
    var box = $('kiosk-message');
    box.textContent = text || '';
    box.setAttribute('data-code', code || '');
    box.hidden = !text;
  }

  function notice(text) {
    var box = $('kiosk-notice');
    box.textContent = text || '';
    box.hidden = !text;
  }

  function touch() {
    lastTouch = Date.now();
  }

  /** One call to the kiosk API; resolves with the body (null for 204), rejects with a problem. */
  function call(method, path, body) {
    touch();
    busy = true;
    notice(texts.working);
    return fetch(api + path, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
      .then(
        function (response) {
          if (response.status === 204) {
            return null;
          }
          return response.json().then(
            function (json) {
              if (!response.ok) {
                throw { status: response.status, code: json.code, text: english ? json.messageEn : json.messageZh };
              }
              return json;
            },
            function () {
              throw { status: response.status, code: 'unreadable', text: texts.failed };
            }
          );
        },
        function () {
          throw { status: 0, code: 'network', text: texts.failed };
        }
      )
      .then(
        function (value) {
          busy = false;
          notice('');
          return value;
        },
        function (problem) {
          busy = false;
          notice('');
          if (problem.status === 410) {
            clear();
          }
          message(problem.text || texts.failed, problem.code);
          throw problem;
        }
      );
  }

  function ignore() {}

  /** Back to the start screen with nothing of the last person left on it. */
  function clear() {
    session = null;
    scanMethod = null;
    $('confirm-photo').removeAttribute('src');
    ['confirm-name', 'confirm-document', 'confirm-holder', 'menu-person', 'menu-state'].forEach(function (id) {
      $(id).textContent = '';
    });
    $('card-number').value = '';
    $('card-name').value = '';
    $('print-frame').removeAttribute('src');
    $('printing').hidden = true;
    $('loss-confirm').hidden = true;
    message('');
    notice('');
    show('start');
  }

  // ------------------------------------------------------------------- signing in

  function signIn(request) {
    if (busy) {
      return;
    }
    message('');
    call('POST', '', request).then(function (view) {
      session = view;
      idleSeconds = view.idleTimeoutSeconds || idleSeconds;
      confirmScreen(view);
    }, ignore);
  }

  function confirmScreen(view) {
    $('confirm-name').textContent = view.maskedName;
    $('confirm-document').textContent = view.maskedDocumentNumber;
    var holder = $('confirm-holder');
    holder.hidden = !view.holderMaskedName;
    holder.textContent = view.holderMaskedName ? holder.getAttribute('data-label') + ' ' + view.holderMaskedName : '';
    $('confirm-no-photo').hidden = view.photoOnFile;
    $('confirm-photo').src = api + '/' + view.sessionId + '/photo';
    show('confirm');
  }

  window.SuishenKiosk = {
    /** The card reader's driver: what the chip gave. */
    cardRead: function (card) {
      signIn({
        method: 'ID_CARD',
        documentType: card.documentType,
        documentNumber: card.documentNumber,
        name: card.name
      });
    }
  };

  $('login-card').addEventListener('click', function () {
    message('');
    show('card');
    $('card-number').focus();
  });
  $('card-reader').addEventListener('submit', function (event) {
    event.preventDefault();
    window.SuishenKiosk.cardRead({
      documentType: $('card-type').value,
      documentNumber: $('card-number').value,
      name: $('card-name').value
    });
  });

  function scanScreen(method) {
    message('');
    scanMethod = method;
    var hint = $('scan-hint');
    hint.textContent = hint.getAttribute(method === 'PROXY_CODE' ? 'data-proxy' : 'data-live');
    show('scan');
  }
  $('login-live').addEventListener('click', function () {
    scanScreen('LIVE_CODE');
  });
  $('login-proxy').addEventListener('click', function () {
    scanScreen('PROXY_CODE');
  });
  $('scan-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var payload = $('scan-input').value.replace(/[\r\n]+$/, '');
    $('scan-input').value = '';
    if (payload) {
      signIn({ method: scanMethod, payload: payload });
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll('.kiosk-back'), function (button) {
    button.addEventListener('click', function () {
      message('');
      show('start');
    });
  });

  // ------------------------------------------------------------------- confirm, staff window

  function path(suffix) {
    return '/' + session.sessionId + (suffix || '');
  }

  $('confirm-ok').addEventListener('click', function () {
    if (!session || busy) {
      return;
    }
    call('POST', path('/confirmation')).then(function (view) {
      session = view;
      menu(view);
    }, ignore);
  });
  $('confirm-wrong').addEventListener('click', function () {
    show('staff');
  });

  function signOut() {
    if (!session) {
      clear();
      return;
    }
    call('DELETE', path()).then(clear, clear);
  }
  $('staff-done').addEventListener('click', signOut);
  $('kiosk-exit').addEventListener('click', signOut);

  // ------------------------------------------------------------------- the menu

  function menu(view) {
    var code = view.offlineCode;
    $('menu-person').textContent = view.maskedName;
    var state = $('menu-state');
    var until = code.expiresAt ? new Date(code.expiresAt).toLocaleDateString(english ? 'en' : 'zh-CN') : '';
    state.textContent = (state.getAttribute('data-' + code.state.toLowerCase()) || '').replace('{0}', until);
    state.setAttribute('data-state', code.state);
    $('op-apply').hidden = code.state !== 'NONE';
    $('op-print').hidden = code.state !== 'VALID';
    $('op-print-card').hidden = code.state !== 'VALID';
    $('op-loss').hidden = code.state !== 'VALID';
    $('op-reissue').hidden = code.state !== 'VALID' && code.state !== 'LOST';
    $('menu-reapply').hidden = code.state !== 'EXPIRED';
    $('loss-confirm').hidden = true;
    show('menu');
  }

  function refresh() {
    return call('GET', path()).then(function (view) {
      session = view;
      menu(view);
    });
  }

  function print(size) {
    var frame = $('print-frame');
    $('printing').hidden = false;
    frame.setAttribute('data-size', size);
    frame.src = api + path('/offline-code.pdf') + '?size=' + size;
    touch();
  }

  function issue(suffix) {
    if (busy) {
      return;
    }
    message('');
    call('POST', path(suffix)).then(function () {
      refresh().then(function () {
        print('A4');
      }, ignore);
    }, ignore);
  }
  $('op-apply').addEventListener('click', function () {
    issue('/offline-code');
  });
  $('op-reissue').addEventListener('click', function () {
    issue('/offline-code/reissue');
  });
  $('op-print').addEventListener('click', function () {
    print('A4');
  });
  $('op-print-card').addEventListener('click', function () {
    print('CARD');
  });
  $('op-loss').addEventListener('click', function () {
    $('loss-confirm').hidden = false;
  });
  $('loss-no').addEventListener('click', function () {
    $('loss-confirm').hidden = true;
  });
  $('loss-yes').addEventListener('click', function () {
    if (busy) {
      return;
    }
    call('POST', path('/offline-code/loss')).then(function () {
      refresh().then(function () {
        notice(texts['lost-done']);
      }, ignore);
    }, ignore);
  });

  // ------------------------------------------------------------------- the idle timer

  ['pointerdown', 'keydown', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, touch, true);
  });

  setInterval(function () {
    var idle = $('kiosk-idle');
    if (!session) {
      idle.hidden = true;
      return;
    }
    var left = Math.ceil(idleSeconds - (Date.now() - lastTouch) / 1000);
    idle.hidden = left > Math.min(30, idleSeconds);
    idle.textContent = idle.getAttribute('data-text').replace('{0}', String(Math.max(left, 0)));
    if (left <= 0) {
      var ended = session;
      clear();
      message(texts['timed-out'], 'idle');
      fetch(api + '/' + ended.sessionId, {
        method: 'DELETE',
        credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': csrfToken() }
      }).catch(ignore);
    }
  }, 1000);

  clear();
})();
