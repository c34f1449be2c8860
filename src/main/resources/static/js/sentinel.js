/*
 * The sentinel's screen (数字哨兵, templates/venues/sentinel.html) at a venue's door, built for a
 * queue and for the network going away (docs/venues.md, "The sentinel's page").
 *
 * Online every code or ID card goes to POST /api/sentinel/passages with an idempotency key made
 * on the device; the answer (admit or refuse, the reason, masked name, colour, latest negative) is
 * shown big. When the centre cannot be reached (no network, or it answers 5xx), the page decides
 * itself from what it can prove alone: the code's Ed25519 signature with the published keys, its
 * expiry (a live code lives a minute, so its colour at issue is at most a minute old), the cached
 * revocation feed, and the venue's rule as last fetched (colours, temperature; a test window
 * cannot be checked offline); an ID card as the venue's setting says (refuse, or admit flagged).
 * Those passages are queued in IndexedDB and uploaded, oldest first, to POST
 * /api/sentinel/passages/offline when the network is back: each key once, so an upload cut off
 * halfway is simply sent again. What the server refuses goes to a list kept on the device.
 */
(function () {
  'use strict';

  var root = document.getElementById('sentinel');
  if (!root) {
    return;
  }

  var RETRY_MS = 15000;
  var VENUE_MS = 3 * 60 * 1000;
  var FEEDS_MS = 5 * 60 * 1000;
  var UPLOAD_SIZE = 100;
  var CLOCK_SKEW_S = 30;

  var T = window.SuishenTerminal;
  var english = document.documentElement.lang === 'en';
  var actor = root.getAttribute('data-actor') || 'anonymous';
  var assigned = root.getAttribute('data-assigned') === 'true';
  var fresh = root.getAttribute('data-page-fresh') === 'true';
  var api = {
    decide: root.getAttribute('data-api-decide'),
    offline: root.getAttribute('data-api-offline'),
    venue: root.getAttribute('data-api-venue'),
    keys: root.getAttribute('data-api-keys'),
    subjects: root.getAttribute('data-api-subjects')
  };

  function $(id) {
    return document.getElementById(id);
  }

  var t = T.texts($('sentinel-texts'));
  var online = T.startsOnline(fresh);
  var sessionEnded = false;
  var venue = null; // GET /api/sentinel/venue as last fetched
  var terminal = T.create({
    name: 'sentinel',
    actor: actor,
    stores: ['queue', 'fix'],
    fresh: fresh,
    serverTime: root.getAttribute('data-server-time'),
    onNetwork: setOnline,
    api: api
  });
  if (!fresh) {
    $('page-copy').hidden = false;
  }

  // ---------------------------------------------------------------- the screen

  function showNet() {
    var state = sessionEnded ? 'session-ended' : online ? 'online' : 'offline';
    var el = $('net-state');
    el.setAttribute('data-state', state);
    el.textContent = t(state);
    document.body.classList.toggle('sampling-offline', !online);
  }

  function showQueue() {
    return terminal.all('queue').then(function (items) {
      $('queue-length').textContent = String(items.length);
      $('queue-state').setAttribute('data-length', String(items.length));
      return items;
    });
  }

  function showFix() {
    return terminal.all('fix').then(function (entries) {
      $('fix-panel').hidden = entries.length === 0;
      $('fix-count').textContent = String(entries.length);
      var list = $('fix-list');
      list.textContent = '';
      entries.forEach(function (entry) {
        var li = document.createElement('li');
        li.className = 'fix-item';
        li.setAttribute('data-code', entry.problem.code || '');
        li.textContent =
          new Date(entry.passedAt).toLocaleString() + ' · ' + t('reason-' + entry.reason) + ' · ' + problemText(entry.problem);
        list.appendChild(li);
      });
    });
  }

  function showVenue() {
    if (!venue) {
      return;
    }
    $('venue-name').textContent = venue.name;
    $('venue-rule').textContent = venue.ruleText;
  }

  function problemText(problem) {
    return (english ? problem.messageEn : problem.messageZh) || problem.detail || problem.code || '';
  }

  var clearTimer = null;

  /** The big answer: colour and gate, the masked name, the colour, the latest negative, the reason. */
  function show(d) {
    var el = $('decision');
    var outcome = d.admitted ? 'admitted' : 'refused';
    el.className = 'sentinel-decision decision-' + outcome;
    el.setAttribute('data-outcome', outcome);
    el.setAttribute('data-gate', d.admitted ? 'OPEN' : 'CLOSED');
    el.setAttribute('data-reason', d.reason || '');
    el.setAttribute('data-offline', d.offline ? 'true' : 'false');
    el.setAttribute('data-count', String(Number(el.getAttribute('data-count') || 0) + 1));
    $('decision-verdict').textContent = d.admitted ? t('pass') : t('stop');
    var name = d.maskedName ? d.maskedName + (d.maskedDocumentNumber ? ' ' + d.maskedDocumentNumber : '') : '';
    if (d.presentedBy) {
      name += ' ' + t('as', d.presentedBy);
    }
    $('decision-name').textContent = name;
    var colour = $('decision-colour');
    colour.textContent = d.colour ? t(d.colour) : '';
    colour.setAttribute('data-colour', d.colour || '');
    $('decision-test').textContent = d.offline
      ? t('offline-unchecked')
      : d.latestNegativeText
        ? t('negative', d.latestNegativeText)
        : d.credential && d.credential !== 'OFFLINE' ? t('negative-none') : '';
    $('decision-reason').textContent = d.message || t('reason-' + d.reason);
    $('decision-offline').hidden = !d.offline;
    void el.offsetWidth;
    el.classList.add('flash');
    window.clearTimeout(clearTimer);
    clearTimer = window.setTimeout(function () {
      $('code-input').focus();
    }, 50);
  }

  function showChecking() {
    var el = $('decision');
    el.className = 'sentinel-decision decision-checking';
    el.setAttribute('data-outcome', 'checking');
    $('decision-verdict').textContent = t('checking');
    ['decision-name', 'decision-colour', 'decision-test', 'decision-reason'].forEach(function (id) {
      $(id).textContent = '';
    });
    $('decision-offline').hidden = true;
  }

  // ---------------------------------------------------------------- the network

  function setOnline(value) {
    var changed = online !== value;
    online = value;
    if (changed) {
      terminal.tellWorker(online);
      showNet();
      if (value) {
        uploadSoon();
      }
    }
  }

  function syncVenue() {
    return terminal
      .call('GET', api.venue)
      .then(function (answer) {
        if (answer.status === 200) {
          venue = answer.body;
          showVenue();
          return terminal.put('cache', { name: 'venue', venue: venue });
        }
        if (answer.status === 401) {
          sessionEnded = true;
          showNet();
        }
        return null;
      })
      .catch(function () {});
  }

  function syncFeeds() {
    if (!online) {
      return Promise.resolve();
    }
    return Promise.all([syncVenue(), terminal.syncFeeds()]).then(function (done) {
      if (done[1] && venue) {
        root.setAttribute('data-feeds', 'cached');
      }
    });
  }

  // ---------------------------------------------------------------- deciding offline

  /** What the device can prove alone: {reason, colour, admitted}. */
  function decideOffline(presentation) {
    var rule = venue || { admittedColours: ['GREEN'], maxTemperature: 37.3, offlineIdCard: 'REFUSE' };
    if (!presentation.token) {
      var flagged = rule.offlineIdCard === 'ADMIT_FLAGGED';
      return Promise.resolve({ reason: flagged ? 'admitted-flagged' : 'id-card-offline', colour: null });
    }
    var token = T.readToken(presentation.token);
    if (!token) {
      return Promise.resolve({ reason: 'invalid', colour: null });
    }
    return terminal.verify(token).then(function (valid) {
      if (valid !== true) {
        // forged, or no key to prove it with: nothing proves who this is
        return { reason: 'invalid', colour: null };
      }
      if (token.type === 'OFFLINE') {
        return { reason: 'offline-needs-staff-check', colour: null };
      }
      if (token.type === 'NAT') {
        return { reason: 'wrong-code-type', colour: null };
      }
      var now = terminal.now();
      if (token.issuedAt > now + CLOCK_SKEW_S * 1000) {
        return { reason: 'not-yet-valid', colour: null };
      }
      if (token.expiresAt + CLOCK_SKEW_S * 1000 < now) {
        return { reason: 'expired', colour: null };
      }
      if (terminal.revoked(token)) {
        return { reason: 'revoked', colour: null };
      }
      if (rule.admittedColours.indexOf(token.colour) < 0) {
        return { reason: 'colour-not-admitted', colour: token.colour };
      }
      if (presentation.temperature !== null && presentation.temperature > Number(rule.maxTemperature)) {
        return { reason: 'fever', colour: token.colour };
      }
      return { reason: 'admitted', colour: token.colour };
    });
  }

  function admits(reason) {
    return reason === 'admitted' || reason === 'admitted-flagged';
  }

  /** Decided here, queued for upload (what names nobody is not queued: the server would not log it). */
  function offline(presentation) {
    var passedAt = new Date(terminal.now()).toISOString();
    return decideOffline(presentation).then(function (d) {
      var shown = { admitted: admits(d.reason), reason: d.reason, colour: d.colour, offline: true };
      if (d.reason === 'invalid') {
        show(shown);
        return null;
      }
      var item = { presentation: presentation, passedAt: passedAt, reason: d.reason, colour: d.colour };
      return terminal
        .tx(['queue'], 'readwrite', function (queue) {
          return queue.add(item);
        })
        .then(function () {
          show(shown);
          return showQueue();
        });
    });
  }

  // ---------------------------------------------------------------- deciding online

  function presentationOf(token, card) {
    var raw = $('temperature').value.trim();
    var temperature = raw === '' ? null : Number(raw);
    $('temperature').value = '';
    return {
      token: token || null,
      cardDocumentType: card ? card.documentType || 'RESIDENT_ID' : null,
      cardNumber: card ? String(card.documentNumber || '').trim() : null,
      cardName: card ? String(card.name || '').trim() : null,
      temperature: isFinite(temperature) ? temperature : null,
      key: terminal.newKey(),
      venueId: venue ? venue.venueId : null
    };
  }

  function decide(presentation) {
    if (!assigned) {
      return Promise.resolve();
    }
    showChecking();
    if (!online || sessionEnded) {
      return offline(presentation);
    }
    return terminal.call('POST', api.decide, presentation).then(
      function (answer) {
        if (answer.status === 200) {
          var d = answer.body;
          d.message = english ? d.messageEn : d.messageZh;
          show(d);
          return null;
        }
        if (answer.status === 401) {
          sessionEnded = true;
          showNet();
          return offline(presentation);
        }
        if (answer.status >= 500 || answer.status === 429) {
          return offline(presentation); // the centre is there but cannot decide: the door goes on
        }
        // bad input (a forged or unreadable token, another venue's device): refused, not logged
        var code = answer.body.code || '';
        show({
          admitted: false,
          reason: code === 'venues.door.token-invalid' ? 'invalid' : code,
          message: problemText(answer.body),
          offline: false
        });
        return null;
      },
      function () {
        return offline(presentation);
      }
    );
  }

  // ---------------------------------------------------------------- the upload

  var uploading = null;

  function uploadSoon() {
    if (!uploading) {
      uploading = upload()
        .catch(function () {
          /* the network went: the rest waits for the next try */
        })
        .then(function () {
          uploading = null;
          return Promise.all([showQueue(), showFix()]);
        });
    }
    return uploading;
  }

  function upload() {
    if (!online || sessionEnded || !assigned) {
      return Promise.resolve();
    }
    return terminal.all('queue').then(function (items) {
      if (!items.length) {
        return null;
      }
      var run = items.slice(0, UPLOAD_SIZE);
      return send(run).then(function (goOn) {
        return goOn ? upload() : null;
      });
    });
  }

  function body(run) {
    return {
      passages: run.map(function (item) {
        return { presentation: item.presentation, passedAt: item.passedAt, reason: item.reason, colour: item.colour };
      })
    };
  }

  /** One run: recorded (out of the queue), refused (one by one, then to the list), or later. */
  function send(run) {
    return terminal.call('POST', api.offline, body(run)).then(function (answer) {
      if (answer.status === 200) {
        return terminal
          .tx(['queue'], 'readwrite', function (queue) {
            var last = null;
            run.forEach(function (item) {
              last = queue['delete'](item.seq);
            });
            return last;
          })
          .then(function () {
            return true;
          });
      }
      if (answer.status === 401 || (answer.body.code || '').indexOf('auth.') === 0) {
        sessionEnded = true;
        showNet();
        return false;
      }
      if (answer.status >= 500 || answer.status === 429) {
        return false;
      }
      if (run.length > 1) {
        // one passage spoils the upload: each on its own finds which
        return run.reduce(function (step, item) {
          return step.then(function (goOn) {
            return goOn ? send([item]) : false;
          });
        }, Promise.resolve(true));
      }
      var item = run[0];
      var entry = { passedAt: item.passedAt, reason: item.reason, problem: answer.body, queueSeq: item.seq };
      return terminal
        .tx(['queue', 'fix'], 'readwrite', function (queue, fix) {
          queue['delete'](item.seq);
          return fix.add(entry);
        })
        .then(function () {
          return true;
        });
    });
  }

  // ---------------------------------------------------------------- wiring

  function submitCode(value) {
    var token = (value || '').replace(/[\r\n]+$/, '').trim();
    if (token) {
      return decide(presentationOf(token, null));
    }
    return Promise.resolve();
  }

  $('code-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = $('code-input');
    var value = input.value;
    input.value = '';
    submitCode(value);
  });

  // The ID-card reader and the thermometer are outside devices: their driver (or the kiosk
  // browser's bridge) calls these with what they read.
  window.SuishenSentinel = {
    cardRead: function (card) {
      return decide(presentationOf(null, card || {}));
    },
    temperature: function (celsius) {
      $('temperature').value = String(celsius);
    }
  };

  T.attachCamera(t, submitCode);

  window.addEventListener('online', function () {
    setOnline(true);
    uploadSoon().then(syncFeeds);
  });
  window.addEventListener('offline', function () {
    setOnline(false);
  });

  terminal
    .keepOffline(root.getAttribute('data-worker'), root.getAttribute('data-scope'), function () {
      return online;
    })
    .then(function (kept) {
      root.setAttribute('data-offline-ready', kept ? 'true' : 'false');
    });

  terminal
    .open()
    .then(function () {
      return Promise.all([terminal.loadFeeds(), terminal.cached('venue')]);
    })
    .then(function (found) {
      venue = (found[1] && found[1].venue) || null;
      showVenue();
      showNet();
      return Promise.all([showQueue(), showFix()]);
    })
    .then(function () {
      root.setAttribute('data-ready', 'true');
      $('code-input').focus();
      return uploadSoon().then(syncFeeds);
    });

  window.setInterval(function () {
    if (online) {
      uploadSoon();
    } else if (navigator.onLine) {
      // navigator.onLine may say online while requests fail: a periodic try finds out
      terminal.call('GET', api.venue).catch(function () {});
    }
  }, RETRY_MS);
  window.setInterval(syncVenue, VENUE_MS);
  window.setInterval(syncFeeds, FEEDS_MS);
})();
