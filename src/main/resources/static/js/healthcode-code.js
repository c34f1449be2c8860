/*
 * The live health code page: fetches a fresh signed token from /api/me/code, draws it as a QR code
 * (alphanumeric mode, error correction M) and fetches the next one after refreshAfterSeconds.
 * Times are counted from receipt, so a phone with a wrong clock still shows the right countdown.
 * A code that has expired locally is greyed out: it would be refused anyway. A code meant for a
 * screen carries a watermark (trace and time) that the page tiles over the card.
 *
 * At peak the server may refuse politely (503 or 429 with Retry-After) or not answer: the page says
 * so in words, keeps the last code (greyed only once it has really expired, with the reason) and
 * tries again by itself, each wait twice the last (2 s up to 60 s, never sooner than Retry-After),
 * drawn at random within it so that a city's phones do not all come back in the same second.
 */
(function () {
  'use strict';

  var card = document.getElementById('code-card');
  if (!card) {
    return;
  }
  var english = document.documentElement.lang === 'en';
  var qrBox = document.getElementById('qr');
  var band = document.getElementById('colour-band');
  var label = document.getElementById('colour-label');
  var nameEl = document.getElementById('masked-name');
  var countdown = document.getElementById('countdown');
  var notice = document.getElementById('redeclare-notice');
  var errorBox = document.getElementById('code-error');
  var photo = document.getElementById('photo');

  var refreshAt = 0;
  var expiresAt = 0;
  var loading = false;
  var failures = 0; // refusals or silences in a row since the last code
  var BACKOFF_FIRST_MS = 2000;
  var BACKOFF_MAX_MS = 60000;

  function text(key) {
    return card.getAttribute('data-' + key) || '';
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  /**
   * The wait before the next try after the n-th failure in a row: "full jitter" within an
   * exponentially growing window, at least what the server asked for.
   */
  function backoff(retryAfterSeconds) {
    failures++;
    var window = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * Math.pow(2, failures - 1));
    var wait = BACKOFF_FIRST_MS / 2 + Math.random() * (window - BACKOFF_FIRST_MS / 2);
    var asked = retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0;
    wait = Math.max(wait, Math.min(asked, BACKOFF_MAX_MS));
    card.setAttribute('data-failures', String(failures));
    card.setAttribute('data-retry-in', String(Math.round(wait)));
    refreshAt = Date.now() + wait;
    return wait;
  }

  function retryAfter(response) {
    var value = Number(response.headers.get('Retry-After'));
    return isFinite(value) && value > 0 ? value : 0;
  }

  /** The server could not answer now: say so, with when the page tries again. */
  function busy(message, wait) {
    showError(message + ' ' + text('retry-text').replace('{0}', String(Math.ceil(wait / 1000))));
    card.setAttribute('data-state', 'busy');
  }

  function draw(token) {
    var qr = qrcode(0, 'M');
    qr.addData(token, 'Alphanumeric');
    qr.make();
    qrBox.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true, alt: text('qr-alt') });
    qrBox.setAttribute('data-token', token);
    qrBox.classList.remove('stale');
  }

  function escapeXml(value) {
    return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  /*
   * The watermark (screenshots traceable, MISSION X1): the server's text (trace of whose screen
   * this is, time of issue) tiled faintly over the card, except the QR code, which stays clean.
   */
  function watermark(value) {
    var layer = document.getElementById('watermark');
    if (!value) {
      if (layer) {
        layer.remove();
      }
      return;
    }
    if (!layer) {
      layer = document.createElement('div');
      layer.id = 'watermark';
      layer.className = 'code-watermark';
      layer.setAttribute('aria-hidden', 'true');
      card.appendChild(layer);
    }
    if (layer.getAttribute('data-watermark') === value) {
      return;
    }
    layer.setAttribute('data-watermark', value);
    var svg = '<svg xmlns="http://www.w3.org/2000/svg" width="280" height="160">'
      + '<text x="140" y="80" text-anchor="middle" transform="rotate(-24 140 80)"'
      + ' font-family="sans-serif" font-size="15" fill="rgba(0,0,0,0.18)">'
      + escapeXml(value) + '</text></svg>';
    layer.style.backgroundImage = 'url("data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg) + '")';
  }

  // a yellow or red code says why, since and until when, and what to do next
  function explain(code) {
    var box = document.getElementById('status-explanation');
    if (!box) {
      return;
    }
    // (the proxy code's answer carries no explanation: the box stays hidden there)
    var green = code.colour === 'GREEN' || !code.reason;
    box.hidden = green;
    if (green) {
      return;
    }
    document.getElementById('code-reason').textContent = code.reason || '';
    var period = document.getElementById('code-period');
    period.textContent = code.period || '';
    period.hidden = !code.period;
    var next = document.getElementById('code-next');
    next.textContent = code.nextStep || '';
    next.hidden = !code.nextStep;
  }

  function show(code) {
    draw(code.token);
    watermark(code.watermark);
    var colour = String(code.colour).toLowerCase();
    band.className = 'code-colour colour-' + colour;
    band.setAttribute('data-colour', code.colour);
    label.textContent = text('label-' + colour);
    nameEl.textContent = code.maskedName;
    if (photo && code.photoUrl && photo.getAttribute('src') !== code.photoUrl) {
      photo.setAttribute('src', code.photoUrl);
    }
    notice.hidden = !code.redeclareNotice;
    explain(code);
    // no photo on file: say so, and show no empty frame to compare a face with
    var noPhoto = document.getElementById('no-photo');
    if (photo && noPhoto) {
      photo.hidden = code.photoOnFile === false;
      noPhoto.hidden = code.photoOnFile !== false;
    }
    var fever = document.getElementById('fever-clinic');
    if (fever) {
      fever.hidden = !code.feverClinicAdvice;
    }
    showError('');
    failures = 0;
    card.setAttribute('data-failures', '0');
    card.setAttribute('data-state', 'shown');
    var now = Date.now();
    refreshAt = now + Math.max(5, code.refreshAfterSeconds) * 1000;
    expiresAt = now + code.expiresInSeconds * 1000;
    tick();
  }

  function load() {
    if (loading) {
      return;
    }
    loading = true;
    countdown.textContent = text('refreshing');
    fetch(text('api'), { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401) {
          window.location.assign(text('login'));
          return null;
        }
        if (response.status === 503 || response.status === 429 || response.status >= 500) {
          // an overloaded or failing server: whatever the body is, it is not a code
          var wait = backoff(retryAfter(response));
          busy(text('busy'), wait);
          return null;
        }
        return response.json().then(function (body) {
          if (!response.ok) {
            showError((english ? body.messageEn : body.messageZh) || body.detail || '');
            backoff(10);
            return;
          }
          show(body);
        });
      })
      .catch(function () {
        busy(text('offline'), backoff(0));
      })
      .then(function () {
        loading = false;
      });
  }

  function tick() {
    var now = Date.now();
    if (expiresAt && now >= expiresAt) {
      qrBox.classList.add('stale');
      countdown.textContent = text('expired');
    }
    if (now >= refreshAt) {
      load();
      return;
    }
    if (!expiresAt || now < expiresAt) {
      countdown.textContent = Math.ceil((refreshAt - now) / 1000) + ' ' + text('refresh-in');
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      load();
    }
  });
  window.addEventListener('online', load);
  window.setInterval(tick, 1000);
  load();
})();
