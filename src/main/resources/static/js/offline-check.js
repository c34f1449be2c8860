/*
 * The staff check of a paper offline code (templates/offlinecode/check.html, O9-O11). A scanner
 * types the QR into the input and presses Enter; the camera (camera-scan.js) may be used instead.
 * The answer is shown large: the code's state, the colour now, the latest negative result, masked
 * name, document number and photo, and the reminder to compare the ID card. The server's
 * watermark (masked checker and time) is tiled over the result, so a screenshot can be traced.
 */
(function () {
  'use strict';

  var form = document.getElementById('check-form');
  if (!form) {
    return;
  }
  var english = document.documentElement.lang === 'en';
  var input = document.getElementById('check-input');
  var result = document.getElementById('check-result');
  var colourLabels = document.getElementById('colour-labels');
  var busy = false;

  function $(id) {
    return document.getElementById(id);
  }

  function text(key) {
    return form.getAttribute('data-' + key) || '';
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function escapeXml(value) {
    return String(value).replace(/[<>&"']/g, function (c) {
      return { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[c];
    });
  }

  /** The checker's watermark, tiled faintly over the whole result. */
  function watermark(value) {
    var layer = $('check-watermark');
    if (!value) {
      if (layer) {
        layer.remove();
      }
      return;
    }
    if (!layer) {
      layer = document.createElement('div');
      layer.id = 'check-watermark';
      layer.className = 'code-watermark';
      layer.setAttribute('aria-hidden', 'true');
      result.appendChild(layer);
    }
    layer.setAttribute('data-watermark', value);
    var svg = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="160">'
      + '<text x="150" y="80" text-anchor="middle" transform="rotate(-24 150 80)"'
      + ' font-family="sans-serif" font-size="15" fill="rgba(0,0,0,0.22)">'
      + escapeXml(value) + '</text></svg>';
    layer.style.backgroundImage = 'url("data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg) + '")';
  }

  function line(id, value) {
    var el = $(id);
    el.textContent = value || '';
    el.hidden = !value;
  }

  function reset(verdict) {
    result.className = 'decision decision-idle check-result';
    result.setAttribute('data-state', '');
    $('check-verdict').textContent = verdict;
    ['check-colour', 'check-name', 'check-document', 'check-negative', 'check-expires', 'check-reminder'].forEach(
      function (id) {
        line(id, '');
      }
    );
    $('check-photo').hidden = true;
    $('check-photo').removeAttribute('src');
    $('check-no-photo').hidden = true;
    $('check-time').textContent = '';
    watermark(null);
  }

  function render(check) {
    reset(english ? check.messageEn : check.messageZh);
    result.setAttribute('data-state', check.state);
    result.className =
      'decision check-result ' + (check.valid && check.colour ? 'colour-' + check.colour.toLowerCase() : 'decision-refused');
    if (check.valid) {
      var colour = $('check-colour');
      line('check-colour', colourLabels.getAttribute('data-' + String(check.colour).toLowerCase()));
      colour.setAttribute('data-colour', check.colour || '');
      line('check-name', check.maskedName);
      line('check-document', check.maskedDocumentNumber);
      if (check.photo) {
        $('check-photo').src = check.photo;
        $('check-photo').hidden = false;
      } else {
        $('check-no-photo').hidden = false;
      }
      var negative = check.latestNegativeText
        ? text('negative').replace('{0}', check.latestNegativeText)
        : text('negative-none');
      var within = text(check.recentNegative ? 'recent' : 'old').replace('{0}', String(check.recentNegativeHours));
      line('check-negative', negative + ' · ' + within);
      $('check-negative').setAttribute('data-recent', String(check.recentNegative));
      if (check.expiresAt) {
        line('check-expires', text('expires').replace('{0}', new Date(check.expiresAt).toLocaleDateString(english ? 'en' : 'zh-CN')));
      }
      line('check-reminder', english ? check.reminderEn : check.reminderZh);
    }
    $('check-time').textContent = check.watermark;
    watermark(check.watermark);
  }

  function failed(message) {
    reset(text('failed'));
    result.className = 'decision decision-refused check-result';
    result.setAttribute('data-state', 'ERROR');
    line('check-negative', message);
  }

  function submit(payload) {
    payload = payload.replace(/[\r\n]+$/, '');
    if (!payload || busy) {
      return;
    }
    busy = true;
    reset(text('checking'));
    fetch(text('api'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      body: JSON.stringify({ payload: payload })
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok) {
            render(body);
          } else {
            failed((english ? body.messageEn : body.messageZh) || body.detail);
          }
        });
      })
      .catch(function (error) {
        failed(String(error));
      })
      .then(function () {
        busy = false;
        input.focus();
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var payload = input.value;
    input.value = '';
    submit(payload);
  });

  var cameraStatus = $('camera-status');
  if (window.SuishenCamera && cameraStatus) {
    var video = $('camera');
    window.SuishenCamera.attach({
      startButton: $('camera-start'),
      stopButton: $('camera-stop'),
      video: video,
      permission: $('camera-permission'),
      decoderSrc: video.getAttribute('data-decoder-src'),
      onStart: function () {
        cameraStatus.hidden = true;
        input.focus();
      },
      onCode: submit,
      onError: function (code) {
        cameraStatus.textContent = text('camera-' + code) || text('camera-failed');
        cameraStatus.setAttribute('data-error', code || '');
        cameraStatus.hidden = false;
        input.focus();
      }
    });
  }
  input.focus();
})();
