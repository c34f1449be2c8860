/* Suishen citizen pages: JSON calls with the CSRF header, inline errors. No inline scripts (CSP). */
(function () {
  'use strict';

  function cookie(name) {
    var prefix = name + '=';
    var parts = document.cookie ? document.cookie.split(';') : [];
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i].trim();
      if (part.indexOf(prefix) === 0) {
        return decodeURIComponent(part.substring(prefix.length));
      }
    }
    return '';
  }

  /** POSTs JSON; resolves to {ok, status, data} (data: the JSON answer or the problem). */
  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json, application/problem+json',
        'X-XSRF-TOKEN': cookie('XSRF-TOKEN')
      },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (response.status === 401) {
          window.location.assign('/login');
        }
        return { ok: response.ok, status: response.status, data: data };
      });
    });
  }

  /**
   * The problem's message in the language of the page (the page and the answer can differ: the
   * language cookie may have changed in another tab since this page was rendered).
   */
  function messageOf(problem) {
    if (!problem) { return ''; }
    var english = (document.documentElement.lang || '').indexOf('en') === 0;
    return (english ? problem.messageEn : problem.messageZh) || problem.detail || problem.title || '';
  }

  /** Shows a problem (or a fallback text) in the page's #error box. */
  function showError(problem, fallback) {
    var box = document.getElementById('error');
    if (!box) { return; }
    document.getElementById('error-message').textContent =
      messageOf(problem) || fallback;
    // the message for the person; the code only as a reference for the hotline, set apart
    var code = (problem && problem.code) || '';
    document.getElementById('error-code').textContent = code;
    var reference = document.getElementById('error-reference');
    if (reference) { reference.hidden = !code; }
    box.hidden = false;
    var notice = document.getElementById('notice');
    if (notice) { notice.hidden = true; }
  }

  function clearError() {
    var box = document.getElementById('error');
    if (box) { box.hidden = true; }
  }

  function showNotice(text) {
    var notice = document.getElementById('notice');
    if (!notice) { return; }
    notice.textContent = text;
    notice.hidden = false;
  }

  /** Disables the button and counts down on it until a new code may be requested. */
  function countdown(button, seconds, template, label) {
    var left = seconds;
    button.disabled = true;
    function tick() {
      if (left <= 0) {
        button.disabled = false;
        button.textContent = label;
        return;
      }
      button.textContent = template.replace('{s}', String(left));
      left -= 1;
      window.setTimeout(tick, 1000);
    }
    tick();
  }

  /**
   * Wires a "phone, send code, enter code" form: sendUrl gets {phone}, submitUrl gets {phone, code};
   * onDone receives the successful answer.
   */
  function codeForm(form, sendUrl, submitUrl, onDone) {
    var phone = form.querySelector('#phone');
    var code = form.querySelector('#code');
    var send = form.querySelector('#send-code');
    var step = form.querySelector('#code-step');
    var d = form.dataset;
    send.addEventListener('click', function () {
      clearError();
      send.disabled = true;
      postJson(sendUrl, { phone: phone.value }).then(function (r) {
        if (r.ok) {
          step.hidden = false;
          showNotice(d.sent.replace('{phone}', r.data.phone).replace('{minutes}', d.minutes));
          countdown(send, Number(d.resendSeconds) || 60, d.resend, d.send);
          code.focus();
        } else {
          send.disabled = false;
          showError(r.data, d.network);
        }
      }).catch(function () {
        send.disabled = false;
        showError(null, d.network);
      });
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearError();
      postJson(submitUrl, { phone: phone.value, code: code.value }).then(function (r) {
        if (r.ok) {
          onDone(r.data);
        } else {
          showError(r.data, d.network);
        }
      }).catch(function () { showError(null, d.network); });
    });
  }

  window.Suishen = {
    postJson: postJson,
    showError: showError,
    messageOf: messageOf,
    clearError: clearError,
    showNotice: showNotice,
    codeForm: codeForm
  };
})();
