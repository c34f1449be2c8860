/*
 * The staff scan page. A keyboard-wedge scanner types the code into the focused input and presses
 * Enter, which submits; where the browser offers BarcodeDetector the camera can be used instead.
 * The decision is shown large: colour, masked identity, reason.
 */
(function () {
  'use strict';

  var form = document.getElementById('scan-form');
  if (!form) {
    return;
  }
  var english = document.documentElement.lang === 'en';
  var input = document.getElementById('scan-input');
  var locationInput = document.getElementById('scan-location');
  var decision = document.getElementById('decision');
  var verdict = document.getElementById('decision-verdict');
  var colourEl = document.getElementById('decision-colour');
  var nameEl = document.getElementById('decision-name');
  var documentEl = document.getElementById('decision-document');
  var reasonEl = document.getElementById('decision-reason');
  var timeEl = document.getElementById('decision-time');
  var presenterEl = document.getElementById('decision-presenter');
  var colourLabels = document.getElementById('colour-labels');
  var busy = false;

  function text(key) {
    return form.getAttribute('data-' + key) || '';
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function render(result) {
    var valid = result.valid === true;
    decision.className = 'decision ' + (valid ? 'colour-' + String(result.colour).toLowerCase() : 'decision-refused');
    decision.setAttribute('data-valid', String(valid));
    verdict.textContent = valid ? text('valid') : text('invalid');
    if (valid && result.colour) {
      colourEl.textContent = colourLabels.getAttribute('data-' + String(result.colour).toLowerCase());
      colourEl.setAttribute('data-colour', result.colour);
      colourEl.hidden = false;
    } else {
      colourEl.textContent = '';
      colourEl.removeAttribute('data-colour');
      colourEl.hidden = true;
    }
    nameEl.textContent = result.maskedName || '';
    documentEl.textContent = result.maskedDocument || '';
    showPresenter(valid && result.presentedBy === 'relative' ? result.holderMaskedName || '' : null);
    reasonEl.textContent = english ? result.messageEn : result.messageZh;
    reasonEl.setAttribute('data-reason', result.reason);
    // the server's words for the time: the city's time, one format on every page
    timeEl.textContent = result.scannedAtText || '';
  }

  /** A proxy code (亲属随申码): the relative who presents it. */
  function showPresenter(holderName) {
    if (!presenterEl) {
      return;
    }
    presenterEl.hidden = holderName === null;
    presenterEl.textContent = holderName === null ? '' : presenterEl.getAttribute('data-label') + ' ' + holderName;
  }

  function failed(message, status) {
    decision.className = 'decision decision-refused';
    decision.setAttribute('data-valid', 'false');
    verdict.textContent = text('failed');
    colourEl.hidden = true;
    nameEl.textContent = '';
    documentEl.textContent = '';
    showPresenter(null);
    reasonEl.textContent = message || '';
    reasonEl.setAttribute('data-reason', 'error');
    reasonEl.setAttribute('data-status', String(status || 0));
  }

  function submit(payload) {
    payload = payload.replace(/[\r\n]+$/, '');
    if (!payload || busy) {
      return;
    }
    busy = true;
    decision.className = 'decision decision-idle';
    verdict.textContent = text('checking');
    fetch(text('api'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
      body: JSON.stringify({ payload: payload, location: locationInput.value || null })
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok) {
            render(body);
          } else {
            failed((english ? body.messageEn : body.messageZh) || body.detail, response.status);
          }
        });
      })
      .catch(function (error) {
        failed(String(error), 0);
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

  // Camera scanning where the browser can decode QR codes itself (optional).
  var startButton = document.getElementById('camera-start');
  var stopButton = document.getElementById('camera-stop');
  var video = document.getElementById('camera');
  var stream = null;
  var timer = null;
  var lastValue = '';
  var lastAt = 0;

  function stopCamera() {
    if (timer) {
      window.clearInterval(timer);
      timer = null;
    }
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
  }

  function startCamera() {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        video.hidden = false;
        startButton.hidden = true;
        stopButton.hidden = false;
        return video.play();
      })
      .then(function () {
        timer = window.setInterval(function () {
          detector.detect(video).then(function (codes) {
            if (!codes.length) {
              return;
            }
            var value = codes[0].rawValue;
            var now = Date.now();
            if (value !== lastValue || now - lastAt > 3000) {
              lastValue = value;
              lastAt = now;
              submit(value);
            }
          }).catch(function () { /* a frame that could not be read */ });
        }, 300);
      })
      .catch(function () {
        stopCamera();
      });
  }

  if ('BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf('qr_code') >= 0) {
        startButton.hidden = false;
        startButton.addEventListener('click', startCamera);
        stopButton.addEventListener('click', stopCamera);
      }
    }).catch(function () { /* no camera scanning */ });
  }
  input.focus();
})();
