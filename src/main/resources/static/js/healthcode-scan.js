/*
 * The staff scan page. A keyboard-wedge scanner types the code into the focused input and presses
 * Enter, which submits; the camera (camera-scan.js) can be used instead, and what it reads is
 * submitted the same way.
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
  var photoEl = document.getElementById('decision-photo');
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
    showPhoto(valid ? result.photoOnFile : null);
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

  /**
   * Whether to compare the face with the photo on the code, or (no photo on file) to check the ID
   * card: never "compare the photo" beside an empty frame. Nothing when not known.
   */
  function showPhoto(onFile) {
    if (!photoEl) {
      return;
    }
    var known = onFile === true || onFile === false;
    photoEl.hidden = !known;
    photoEl.setAttribute('data-photo', known ? String(onFile) : '');
    photoEl.textContent = known ? photoEl.getAttribute(onFile ? 'data-compare' : 'data-none') : '';
  }

  function failed(message, status) {
    showPhoto(null);
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

  // Camera scanning (camera-scan.js): the browser's BarcodeDetector or the vendored ZXing decoder.
  // A code read goes the scanner's way; the scanner keeps working whatever the camera does.
  var cameraStatus = document.getElementById('camera-status');

  function cameraMessage(code) {
    cameraStatus.textContent = code ? text('camera-' + code) || text('camera-failed') : '';
    cameraStatus.setAttribute('data-error', code || '');
    cameraStatus.hidden = !code;
  }

  if (window.SuishenCamera && cameraStatus) {
    var video = document.getElementById('camera');
    window.SuishenCamera.attach({
      startButton: document.getElementById('camera-start'),
      stopButton: document.getElementById('camera-stop'),
      video: video,
      permission: document.getElementById('camera-permission'),
      decoderSrc: video.getAttribute('data-decoder-src'),
      onStart: function () {
        cameraMessage(null);
        input.focus();
      },
      onCode: function (value) {
        submit(value);
      },
      onError: function (code) {
        cameraMessage(code);
        input.focus();
      }
    });
  }
  input.focus();
})();
