/*
 * The sampler's page (采样登记页, templates/sampling/table.html), built for a busy table and for
 * the network going away (docs/sampling.md, "The sampler's page and the offline queue").
 *
 * Everything the sampler does (open a tube, register a person, seal) is first written to a queue
 * in IndexedDB, then uploaded in order: runs of registrations to POST
 * /api/sampling/registrations/batch, openings and seals to their own endpoints. Online that takes
 * a moment and the answer is shown as it comes; offline the queue grows, survives a reload (the
 * service worker keeps the page) and is uploaded when the network is back (the online event and
 * a retry every 15 s). Each registration carries an idempotency key made on the device, so an
 * upload cut off halfway is simply sent again. What the server refuses on upload goes to the list
 * to fix, with its reason; nothing is dropped.
 *
 * Offline a code is checked here as far as it can be: its Ed25519 signature with the published
 * keys (GET /api/keys, cached), its expiry, and the cached revocation feeds (NAT codes by
 * credential id, other codes by person reference). A live or proxy code's current status and a
 * typed document against the register cannot be checked here: they are queued marked "to check
 * on upload". The tube's fill is counted here meanwhile.
 */
(function () {
  'use strict';

  var root = document.getElementById('sampling-table');
  if (!root) {
    return;
  }

  var RETRY_MS = 15000;
  var FEEDS_MS = 5 * 60 * 1000;
  var BATCH_SIZE = 50;
  var CLOCK_SKEW_S = 30;
  var TYPES = { 0: 'LIVE', 1: 'PROXY', 2: 'NAT', 3: 'OFFLINE' };

  var english = document.documentElement.lang === 'en';
  var actor = root.getAttribute('data-actor') || 'anonymous';
  var assigned = root.getAttribute('data-assigned') === 'true';
  var fresh = root.getAttribute('data-page-fresh') === 'true';
  var sizes = (root.getAttribute('data-sizes') || '')
    .split(',')
    .filter(Boolean)
    .map(Number);
  var api = {
    tubes: root.getAttribute('data-api-tubes'),
    batch: root.getAttribute('data-api-batch'),
    keys: root.getAttribute('data-api-keys'),
    nat: root.getAttribute('data-api-nat'),
    subjects: root.getAttribute('data-api-subjects')
  };

  function $(id) {
    return document.getElementById(id);
  }

  var texts = {};
  Array.prototype.forEach.call($('sampling-texts').children, function (li) {
    texts[li.getAttribute('data-key')] = li.textContent;
  });

  function t(key) {
    var value = texts[key] || key;
    for (var i = 1; i < arguments.length; i++) {
      value = value.split('{' + (i - 1) + '}').join(String(arguments[i]));
    }
    return value;
  }

  // ---------------------------------------------------------------- the device's clock and key

  var offset = 0; // server clock - device clock, ms

  function now() {
    return Date.now() + offset;
  }

  function setServerTime(serverMillis) {
    if (isFinite(serverMillis)) {
      offset = serverMillis - Date.now();
      localStorage.setItem('suishen-sampling-clock', String(offset));
    }
  }

  if (fresh) {
    setServerTime(Number(root.getAttribute('data-server-time')));
  } else {
    offset = Number(localStorage.getItem('suishen-sampling-clock')) || 0;
    $('page-copy').hidden = false;
  }

  function randomId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) {
        return (b + 256).toString(16).slice(1);
      })
      .join('');
  }

  var device = localStorage.getItem('suishen-sampling-device');
  if (!device) {
    device = randomId().replace(/-/g, '').slice(0, 8);
    localStorage.setItem('suishen-sampling-device', device);
  }

  /** web-<device>:<uuid>: 8-100 of A-Z a-z 0-9 . _ : - as the API asks. */
  function newKey() {
    return 'web-' + device + ':' + randomId();
  }

  // ---------------------------------------------------------------- IndexedDB

  var db = null;

  function openDb() {
    return new Promise(function (resolve, reject) {
      // one database per account: a queue is uploaded by the account that took it
      var request = indexedDB.open('suishen-sampling-' + actor, 1);
      request.onupgradeneeded = function () {
        var d = request.result;
        d.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
        d.createObjectStore('fix', { keyPath: 'seq', autoIncrement: true });
        d.createObjectStore('cache', { keyPath: 'name' });
      };
      request.onsuccess = function () {
        resolve(request.result);
      };
      request.onerror = function () {
        reject(request.error);
      };
    });
  }

  /** Runs fn(stores...) in one transaction; resolves with what the last request gave. */
  function tx(names, mode, fn) {
    return new Promise(function (resolve, reject) {
      var transaction = db.transaction(names, mode);
      var result;
      var request = fn.apply(
        null,
        names.map(function (name) {
          return transaction.objectStore(name);
        })
      );
      if (request) {
        request.onsuccess = function () {
          result = request.result;
        };
      }
      transaction.oncomplete = function () {
        resolve(result);
      };
      transaction.onerror = transaction.onabort = function () {
        reject(transaction.error);
      };
    });
  }

  function all(store) {
    return tx([store], 'readonly', function (s) {
      return s.getAll();
    });
  }

  function put(store, value) {
    return tx([store], 'readwrite', function (s) {
      return s.put(value);
    });
  }

  function remove(store, key) {
    return tx([store], 'readwrite', function (s) {
      return s['delete'](key);
    });
  }

  function cached(name) {
    return tx(['cache'], 'readonly', function (s) {
      return s.get(name);
    });
  }

  /** Out of the queue and into the list to fix, in one step: never in neither. */
  function moveToFix(item, problem) {
    var entry = {};
    Object.keys(item).forEach(function (k) {
      entry[k] = item[k];
    });
    delete entry.seq;
    entry.queueSeq = item.seq;
    entry.problem = problem;
    entry.refusedAt = new Date(now()).toISOString();
    return tx(['queue', 'fix'], 'readwrite', function (queue, fix) {
      queue['delete'](item.seq);
      return fix.add(entry);
    });
  }

  // ---------------------------------------------------------------- state on the screen

  var online = navigator.onLine;
  var sessionEnded = false;
  var queueLength = 0;
  var tube = null; // {barcode, capacity, serverMembers, sealed, people: [dedupe keys]}

  function showNet() {
    var state = sessionEnded ? 'session-ended' : online ? 'online' : 'offline';
    var el = $('net-state');
    el.setAttribute('data-state', state);
    el.textContent = t(state);
    document.body.classList.toggle('sampling-offline', !online);
  }

  function showQueue() {
    return all('queue').then(function (items) {
      queueLength = items.length;
      $('queue-length').textContent = String(items.length);
      $('queue-state').setAttribute('data-length', String(items.length));
      return items;
    });
  }

  function pendingFor(items, barcode) {
    return items.filter(function (i) {
      return i.kind === 'REGISTER' && i.tubeBarcode === barcode;
    }).length;
  }

  function saveTube() {
    return put('cache', { name: 'tube', tube: tube });
  }

  function showTube() {
    return showQueue().then(function (items) {
      var form = $('tube-form');
      var current = $('tube-current');
      if (!tube) {
        form.hidden = false;
        current.hidden = true;
        return;
      }
      var members = Math.min(tube.capacity, tube.serverMembers + pendingFor(items, tube.barcode));
      var full = members >= tube.capacity;
      var sealed = tube.sealed || full;
      form.hidden = !sealed;
      current.hidden = false;
      $('tube-current-barcode').textContent = tube.barcode;
      $('tube-fill').textContent = members + ' / ' + tube.capacity;
      $('tube-fill').setAttribute('data-members', String(members));
      $('tube-fill').setAttribute('data-capacity', String(tube.capacity));
      $('tube-state').textContent = full ? t('tube-full') : sealed ? t('tube-sealed') : t('tube-open');
      $('tube-current').setAttribute('data-sealed', String(sealed));
      $('tube-seal').hidden = sealed;
      $('tube-seal').disabled = members === 0;
      $('tube-next').hidden = !sealed;
      showPeople(items, sealed);
    });
  }

  /**
   * The tube's people: those the server has (withdrawn online, one tap and a confirmation) and
   * those still queued on this device (removed from the queue before they are uploaded).
   */
  function showPeople(items, sealed) {
    var list = $('tube-people');
    list.textContent = '';
    var queued = items.filter(function (i) {
      return i.kind === 'REGISTER' && i.tubeBarcode === tube.barcode && !liveHandlers[i.seq];
    });
    var people = tube.serverPeople || [];
    $('tube-people-panel').hidden = sealed || (people.length === 0 && queued.length === 0);
    people.forEach(function (p) {
      list.appendChild(entry(p.maskedName + ' · ' + t('kind-' + p.credential), null, t('withdraw'),
        'withdraw-' + p.registrationId, function () {
          withdraw(p);
        }));
    });
    queued.forEach(function (item) {
      list.appendChild(entry(item.label || '', t('queued-entry'), t('unqueue'), 'unqueue-' + item.seq,
        function () {
          unqueue(item);
        }));
    });
  }

  function entry(text, note, action, id, onClick) {
    var li = document.createElement('li');
    var label = document.createElement('span');
    label.textContent = text;
    li.appendChild(label);
    if (note) {
      var small = document.createElement('span');
      small.className = 'queued';
      small.textContent = note;
      label.appendChild(document.createTextNode(' '));
      label.appendChild(small);
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.id = id;
    button.textContent = action;
    button.addEventListener('click', onClick);
    li.appendChild(button);
    return li;
  }

  function forget(person) {
    var at = person ? tube.people.indexOf(person) : -1;
    if (at >= 0) {
      tube.people.splice(at, 1);
    }
  }

  function withdraw(p) {
    if (!online || sessionEnded) {
      refuse(localProblem('withdraw-offline'));
      return Promise.resolve();
    }
    if (!window.confirm(t('withdraw-confirm'))) {
      return Promise.resolve();
    }
    var url = api.tubes + '/' + encodeURIComponent(tube.barcode) + '/registrations/'
      + encodeURIComponent(p.registrationId) + '/withdrawal';
    return call('POST', url, {}).then(function (answer) {
      if (answer.status !== 200) {
        refuse(answer.body);
        return null;
      }
      tube.serverMembers = answer.body.members;
      tube.sealed = answer.body.sealed;
      tube.serverPeople = answer.body.people;
      forget((tube.keys || {})[p.registrationId]);
      show('ok', t('withdraw-done'), p.maskedName, '');
      return saveTube().then(showTube);
    }, function () {
      refuse(localProblem('withdraw-offline'));
    }).then(focusInput);
  }

  function unqueue(item) {
    return remove('queue', item.seq).then(function () {
      forget(item.person);
      show('ok', t('withdraw-done'), item.label || '', '');
      return saveTube().then(showTube);
    }).then(focusInput);
  }

  /** The big answer: a colour for every outcome (no voice), a flash, the masked name, the reason. */
  function show(outcome, verdict, name, detail, reason, code) {
    var result = $('result');
    result.className = 'sampling-result result-' + outcome;
    result.setAttribute('data-outcome', outcome);
    $('result-verdict').textContent = verdict;
    $('result-name').textContent = name || '';
    $('result-detail').textContent = detail || '';
    $('result-reason').textContent = reason || '';
    $('result-reason').setAttribute('data-code', code || '');
    // restart the flash even when the same outcome follows
    void result.offsetWidth;
    result.classList.add('flash');
  }

  function problemText(problem) {
    return (english ? problem.messageEn : problem.messageZh) || problem.detail || problem.code;
  }

  function localProblem(code, arg) {
    var message = t(code, arg === undefined ? '' : arg);
    return { code: code, status: 0, detail: message, messageZh: message, messageEn: message, local: true };
  }

  function refuse(problem) {
    show('refused', t('refused'), '', '', problemText(problem), problem.code);
  }

  function focusInput() {
    var target = !tube || tube.sealed || $('tube-current').getAttribute('data-sealed') === 'true'
      ? $('tube-barcode')
      : $('code-input');
    target.focus();
  }

  // ---------------------------------------------------------------- masking (as shared.masking.Masking)

  function maskName(name) {
    var n = (name || '').trim().normalize('NFC');
    var letters = n.match(/\p{L}/gu) || [];
    var latin = letters.length > 0 && letters.every(function (c) {
      return /\p{Script=Latin}/u.test(c);
    });
    if (latin) {
      var initials = n
        .split(/[\s,]+/)
        .map(function (part) {
          var m = part.match(/\p{L}/u);
          return m ? m[0].toUpperCase() : null;
        })
        .filter(Boolean);
      return initials[0] + '***' + (initials.length > 1 ? ' ' + initials[initials.length - 1] + '***' : '');
    }
    var points = Array.from(n);
    if (points.length <= 1) {
      return points.length ? '*' : '';
    }
    if (points.length === 2) {
      return points[0] + '*';
    }
    return points[0] + '*'.repeat(points.length - 2) + points[points.length - 1];
  }

  function maskNumber(number) {
    var n = (number || '').trim();
    if (n.length <= 8) {
      return '*'.repeat(Math.max(0, n.length - 2)) + n.slice(Math.max(0, n.length - 2));
    }
    return n.slice(0, 4) + '*'.repeat(n.length - 8) + n.slice(n.length - 4);
  }

  // ---------------------------------------------------------------- checks on the device

  /** ISO 7064 MOD 11-2 over eleven digits (TubeBarcode). */
  function tubeBarcode(raw) {
    var text = (raw || '').trim().toUpperCase();
    if (!/^[0-9]{11}[0-9X]$/.test(text)) {
      return null;
    }
    var sum = 0;
    for (var i = 0; i < 11; i++) {
      sum = ((sum + (text.charCodeAt(i) - 48)) * 2) % 11;
    }
    var check = (12 - sum) % 11;
    return text.charAt(11) === (check === 10 ? 'X' : String(check)) ? text : null;
  }

  /** GB 11643: the resident ID's check character. */
  function residentIdValid(number) {
    var n = number.toUpperCase();
    if (!/^[0-9]{17}[0-9X]$/.test(n)) {
      return false;
    }
    var weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      sum += (n.charCodeAt(i) - 48) * weights[i];
    }
    return n.charAt(17) === '10X98765432'.charAt(sum % 11);
  }

  var BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

  function base45(text) {
    if (text.length % 3 === 1) {
      return null;
    }
    var out = [];
    for (var i = 0; i < text.length; i += 3) {
      var a = BASE45.indexOf(text.charAt(i));
      var b = BASE45.indexOf(text.charAt(i + 1));
      if (a < 0 || b < 0) {
        return null;
      }
      if (i + 2 < text.length) {
        var c = BASE45.indexOf(text.charAt(i + 2));
        var n = a + b * 45 + c * 2025;
        if (c < 0 || n > 0xffff) {
          return null;
        }
        out.push(n >> 8, n & 0xff);
      } else {
        var m = a + b * 45;
        if (m > 0xff) {
          return null;
        }
        out.push(m);
      }
    }
    return new Uint8Array(out);
  }

  function base64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) {
      s += String.fromCharCode(bytes[i]);
    }
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64url(text) {
    var s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) {
      bytes[i] = s.charCodeAt(i);
    }
    return bytes;
  }

  /** The token's fields (docs/healthcode.md, "Token format"), or null if it is not a token. */
  function readToken(text) {
    if (!text || text.length > 256 || text.indexOf('SSC:') !== 0) {
      return null;
    }
    var bytes = base45(text.slice(4));
    if (!bytes || bytes.length < 2 || bytes[0] !== 1 || !(bytes[1] in TYPES)) {
      return null;
    }
    var type = TYPES[bytes[1]];
    var length = type === 'PROXY' ? 45 : 29;
    if (bytes.length !== length + 64 + 16 || bytes[2] > 3) {
      return null;
    }
    var kid = (bytes[3] << 8) | bytes[4];
    if (kid === 0) {
      return null;
    }
    var view = new DataView(bytes.buffer);
    return {
      type: type,
      kid: kid,
      ref: base64url(bytes.slice(5, 21)),
      holderRef: type === 'PROXY' ? base64url(bytes.slice(21, 37)) : null,
      expiresAt: view.getUint32(length - 4) * 1000,
      payload: bytes.slice(0, length),
      signature: bytes.slice(length, length + 64)
    };
  }

  var keys = {}; // kid -> base64url public key
  var natRevoked = {}; // credential id -> expiry (epoch s)
  var subjectsRevoked = {}; // person reference -> true

  function verifySignature(token) {
    var x = keys[token.kid];
    if (!x || !window.crypto || !window.crypto.subtle) {
      return Promise.resolve(null); // not known here: the server checks it
    }
    return window.crypto.subtle
      .importKey('raw', fromBase64url(x), { name: 'Ed25519' }, false, ['verify'])
      .then(function (key) {
        return window.crypto.subtle.verify({ name: 'Ed25519' }, key, token.signature, token.payload);
      })
      .catch(function () {
        return null; // a browser without Ed25519 in WebCrypto: the server checks it
      });
  }

  /**
   * Resolves with {problem} when the device can tell the code is refused, else with
   * {token, check: 'verified' | 'to-check'}.
   */
  function checkCode(text) {
    var token = readToken(text);
    if (!token) {
      return Promise.resolve({ problem: localProblem('sampling.code.invalid') });
    }
    return verifySignature(token).then(function (valid) {
      if (valid === false) {
        return { problem: localProblem('sampling.code.invalid') };
      }
      var skew = token.type === 'LIVE' || token.type === 'PROXY' ? CLOCK_SKEW_S * 1000 : 0;
      if (token.expiresAt + skew < now()) {
        return { problem: localProblem('sampling.code.expired') };
      }
      var revoked =
        token.type === 'NAT'
          ? natRevoked[token.ref] !== undefined
          : subjectsRevoked[token.ref] === true ||
            (token.holderRef !== null && subjectsRevoked[token.holderRef] === true);
      if (revoked) {
        return { problem: localProblem('sampling.code.revoked') };
      }
      // a NAT or offline code is what it says; a live code's status and a proxy code's binding are
      // the server's to know
      var settled = valid === true && (token.type === 'NAT' || token.type === 'OFFLINE');
      return { token: token, check: settled ? 'verified' : 'to-check' };
    });
  }

  // ---------------------------------------------------------------- the server

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  /**
   * Resolves with {status, body}; rejects only when the network failed (the caller keeps the
   * item). Any answer means the network is there.
   */
  function call(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
        'X-XSRF-TOKEN': csrfToken()
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(
      function (response) {
        setOnline(true);
        var type = response.headers.get('Content-Type') || '';
        if (response.redirected || type.indexOf('json') < 0) {
          // a log-in page instead of JSON: the session has ended
          return { status: 401, body: {} };
        }
        return response.json().then(
          function (json) {
            return { status: response.status, body: json };
          },
          function () {
            return { status: response.status, body: {} };
          }
        );
      },
      function (error) {
        setOnline(false);
        throw error;
      }
    );
  }

  /** The service worker serves the kept page at once while the page is offline. */
  function tellWorker() {
    if ('serviceWorker' in navigator && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: 'network', offline: !online });
    }
  }

  function setOnline(value) {
    var changed = online !== value;
    online = value;
    if (changed) {
      tellWorker();
      showNet();
      if (value) {
        flushSoon();
      }
    }
  }

  // ---------------------------------------------------------------- keys and revocation feeds

  function loadCaches() {
    return Promise.all([cached('keys'), cached('nat'), cached('subjects'), cached('tube')]).then(
      function (found) {
        keys = (found[0] && found[0].keys) || {};
        natRevoked = (found[1] && found[1].ids) || {};
        subjectsRevoked = (found[2] && found[2].refs) || {};
        tube = (found[3] && found[3].tube) || null;
      }
    );
  }

  function syncKeys() {
    return call('GET', api.keys).then(function (answer) {
      if (answer.status !== 200 || !answer.body.keys) {
        return;
      }
      var fresh = {};
      answer.body.keys.forEach(function (k) {
        fresh[k.kid] = k.x;
      });
      keys = fresh;
      return put('cache', { name: 'keys', keys: fresh, at: now() });
    });
  }

  function syncNat() {
    return cached('nat').then(function (state) {
      state = state || { name: 'nat', partitions: 0, next: {}, ids: {} };
      function page(partition) {
        var since = state.next[partition] || 0;
        var url = api.nat + '?partition=' + partition + '&since=' + since;
        return call('GET', url).then(function (answer) {
          if (answer.status !== 200) {
            return null;
          }
          var body = answer.body;
          if (state.partitions && body.partitions !== state.partitions) {
            // the city changed the number of partitions: start again from 0
            state = { name: 'nat', partitions: body.partitions, next: {}, ids: {} };
            return page(0);
          }
          state.partitions = body.partitions;
          body.revoked.forEach(function (r) {
            state.ids[r.id] = r.exp;
          });
          state.next[partition] = body.next;
          if (body.more) {
            return page(partition);
          }
          return partition + 1 < body.partitions ? page(partition + 1) : null;
        });
      }
      return page(0).then(function () {
        var nowSeconds = now() / 1000;
        Object.keys(state.ids).forEach(function (id) {
          if (state.ids[id] < nowSeconds) {
            delete state.ids[id]; // expired codes are refused by their expiry anyway
          }
        });
        natRevoked = state.ids;
        return put('cache', state);
      });
    });
  }

  function syncSubjects() {
    return cached('subjects').then(function (state) {
      state = state || { name: 'subjects', next: 0, refs: {} };
      function page() {
        return call('GET', api.subjects + '?since=' + state.next).then(function (answer) {
          if (answer.status !== 200) {
            return null;
          }
          answer.body.revoked.forEach(function (r) {
            state.refs[r.ref] = true;
          });
          state.next = answer.body.next;
          return answer.body.more ? page() : null;
        });
      }
      return page().then(function () {
        subjectsRevoked = state.refs;
        return put('cache', state);
      });
    });
  }

  function syncFeeds() {
    if (!online) {
      return Promise.resolve();
    }
    return syncKeys()
      .then(syncNat)
      .then(syncSubjects)
      .then(function () {
        root.setAttribute('data-feeds', 'cached');
      })
      .catch(function () {
        /* offline again: the cached lists stay */
      });
  }

  // ---------------------------------------------------------------- the queue's upload

  var flushing = null;
  var flushAgain = false;
  var liveHandlers = {}; // queue seq -> function(outcome) for what the sampler waits for

  function flushSoon() {
    if (flushing) {
      flushAgain = true;
      return flushing;
    }
    flushing = flush()
      .catch(function () {
        /* the network went: the rest waits for the next try */
      })
      .then(function () {
        flushing = null;
        if (flushAgain && online) {
          flushAgain = false;
          return flushSoon();
        }
        flushAgain = false;
      })
      .then(showTube)
      .then(showFix);
    return flushing;
  }

  function settle(item, outcome) {
    var handler = liveHandlers[item.seq];
    delete liveHandlers[item.seq];
    if (handler) {
      handler(outcome);
    }
  }

  function flush() {
    if (!online || sessionEnded || !assigned) {
      return Promise.resolve();
    }
    return showQueue().then(function (items) {
      if (!items.length) {
        return null;
      }
      var first = items[0];
      var step;
      if (first.kind === 'REGISTER') {
        var run = [];
        for (var i = 0; i < items.length && items[i].kind === 'REGISTER' && run.length < BATCH_SIZE; i++) {
          run.push(items[i]);
        }
        step = uploadRegistrations(run);
      } else if (first.kind === 'OPEN') {
        step = uploadOpen(first);
      } else {
        step = uploadSeal(first);
      }
      return step.then(function (goOn) {
        return goOn ? flush() : null;
      });
    });
  }

  /** A refusal of the whole request: the session ended (stop) or the server failed (try later). */
  function stopped(answer) {
    var code = (answer.body && answer.body.code) || '';
    if (answer.status === 401 || code.indexOf('auth.') === 0) {
      sessionEnded = true;
      showNet();
      return true;
    }
    return answer.status >= 500 || answer.status === 429;
  }

  function uploadRegistrations(run) {
    var body = {
      registrations: run.map(function (item) {
        return {
          tubeBarcode: item.tubeBarcode,
          idempotencyKey: item.idempotencyKey,
          credentialKind: item.credentialKind,
          payload: item.payload || null,
          documentType: item.documentType || null,
          documentNumber: item.documentNumber || null,
          name: item.name || null,
          registeredAt: item.registeredAt
        };
      })
    };
    return call('POST', api.batch, body).then(function (answer) {
      if (answer.status !== 200) {
        if (stopped(answer)) {
          return false;
        }
        // the whole batch refused (cannot happen for a well-formed one): every item to fix
        var problem = answer.body && answer.body.code ? answer.body : localProblem('sampling.code.invalid');
        return Promise.all(
          run.map(function (item) {
            return moveToFix(item, problem).then(function () {
              settle(item, { problem: problem });
            });
          })
        ).then(function () {
          return true;
        });
      }
      if (answer.body.serverTime) {
        setServerTime(Date.parse(answer.body.serverTime));
      }
      var retryLater = false;
      var steps = answer.body.registrations.map(function (result) {
        var item = run[result.index];
        if (result.outcome === 'REGISTERED') {
          var r = result.registration;
          if (tube && tube.barcode === r.tubeBarcode) {
            tube.serverMembers = r.members;
            tube.sealed = tube.sealed || r.sealed;
            if (item.person) {
              tube.keys = tube.keys || {};
              tube.keys[r.registrationId] = item.person;
            }
          }
          return remove('queue', item.seq).then(function () {
            settle(item, { registration: r });
          });
        }
        if (result.problem.status >= 500) {
          retryLater = true; // the server's fault: the item stays and is sent again
          return null;
        }
        if (liveHandlers[item.seq]) {
          // the person is still at the table and sees the refusal now: nothing to fix later
          return remove('queue', item.seq).then(function () {
            settle(item, { problem: result.problem });
          });
        }
        return moveToFix(item, result.problem);
      });
      return Promise.all(steps).then(function () {
        return saveTube().then(function () {
          return !retryLater;
        });
      });
    });
  }

  function uploadOpen(item) {
    return call('POST', api.tubes, { barcode: item.tubeBarcode, capacity: item.capacity }).then(
      function (answer) {
        if (answer.status === 201) {
          return remove('queue', item.seq).then(function () {
            settle(item, { tube: answer.body });
            return true;
          });
        }
        if (answer.status === 409 && answer.body.code === 'sampling.tube.used' && !liveHandlers[item.seq]) {
          // sent again after an answer that was lost: the tube is ours if our site has it
          return call('GET', api.tubes + '/' + encodeURIComponent(item.tubeBarcode)).then(function (mine) {
            if (mine.status === 200) {
              return remove('queue', item.seq).then(function () {
                return true;
              });
            }
            return moveToFix(item, answer.body).then(function () {
              return true;
            });
          });
        }
        return refused(item, answer);
      }
    );
  }

  function uploadSeal(item) {
    var url = api.tubes + '/' + encodeURIComponent(item.tubeBarcode) + '/seal';
    return call('POST', url, {}).then(function (answer) {
      // sealed already (it filled up, or this was sent before): what was asked for is done
      if (answer.status === 200 || (answer.status === 409 && answer.body.code === 'sampling.tube.sealed')) {
        return remove('queue', item.seq).then(function () {
          settle(item, { tube: answer.status === 200 ? answer.body : null });
          return true;
        });
      }
      return refused(item, answer);
    });
  }

  function refused(item, answer) {
    if (stopped(answer)) {
      return Promise.resolve(false);
    }
    var problem = answer.body;
    if (liveHandlers[item.seq]) {
      return remove('queue', item.seq).then(function () {
        settle(item, { problem: problem });
        return true;
      });
    }
    return moveToFix(item, problem).then(function () {
      return true;
    });
  }

  /**
   * Queues the item; online, uploads it at once and calls onAnswer with what the server said.
   * Resolves with true if it was answered, false if it waits in the queue (offline).
   */
  function enqueue(item, onAnswer) {
    return tx(['queue'], 'readwrite', function (queue) {
      return queue.add(item);
    }).then(function (seq) {
      item.seq = seq;
      if (!online || sessionEnded) {
        return showTube().then(function () {
          return false;
        });
      }
      return new Promise(function (resolve) {
        var answered = false;
        liveHandlers[seq] = function (outcome) {
          answered = true;
          onAnswer(outcome);
          resolve(true);
        };
        flushSoon().then(function () {
          if (!answered) {
            delete liveHandlers[seq]; // still queued: the network went meanwhile
            resolve(false);
          }
        });
      });
    });
  }

  // ---------------------------------------------------------------- what the sampler does

  function selectedCapacity() {
    var checked = document.querySelector('input[name=capacity]:checked');
    return checked ? Number(checked.value) : null;
  }

  function tubeTaken() {
    return !!tube && !tube.sealed && $('tube-current').getAttribute('data-sealed') !== 'true';
  }

  function openTube(raw) {
    var barcode = tubeBarcode(raw);
    var capacity = selectedCapacity();
    if (!barcode) {
      refuse(localProblem('sampling.tube.barcode-invalid'));
      return Promise.resolve();
    }
    if (sizes.indexOf(capacity) < 0) {
      refuse(localProblem('sampling.tube.capacity-invalid', '[' + sizes.join(', ') + ']'));
      return Promise.resolve();
    }
    if (tubeTaken()) {
      refuse(localProblem('tube-still-open'));
      return Promise.resolve();
    }
    var previous = tube;
    tube = { barcode: barcode, capacity: capacity, serverMembers: 0, sealed: false, people: [] };
    show('checking', t('checking'), barcode);
    return saveTube()
      .then(function () {
        return enqueue({ kind: 'OPEN', tubeBarcode: barcode, capacity: capacity, at: now() }, function (outcome) {
          if (outcome.problem) {
            tube = previous;
            refuse(outcome.problem);
          } else {
            show('ok', t('opened'), barcode, capacity + '');
          }
        });
      })
      .then(function (answered) {
        if (!answered) {
          show('queued', t('opened'), barcode, t('queued'));
        }
        return saveTube();
      })
      .then(showTube)
      .then(focusInput);
  }

  function seal() {
    if (!tube || tube.sealed) {
      return Promise.resolve();
    }
    var barcode = tube.barcode;
    return showQueue().then(function (items) {
      if (tube.serverMembers + pendingFor(items, barcode) === 0) {
        refuse(localProblem('sampling.tube.empty', barcode));
        return null;
      }
      tube.sealed = true;
      return saveTube()
        .then(function () {
          return enqueue({ kind: 'SEAL', tubeBarcode: barcode, at: now() }, function (outcome) {
            if (outcome.problem) {
              if (tube && tube.barcode === barcode && outcome.problem.code !== 'sampling.tube.sealed') {
                tube.sealed = false;
              }
              refuse(outcome.problem);
            } else {
              show('ok', t('sealed'), barcode);
            }
          });
        })
        .then(function (answered) {
          if (!answered) {
            show('queued', t('sealed'), barcode, t('queued'));
          }
        })
        .then(showTube)
        .then(focusInput);
    });
  }

  /** A person: credential {credentialKind, payload | documentType, documentNumber, name}. */
  function register(credential) {
    if (!assigned) {
      refuse(localProblem('not-assigned'));
      return Promise.resolve();
    }
    if (!tubeTaken()) {
      refuse(localProblem('no-tube'));
      return Promise.resolve();
    }
    var barcode = tube.barcode;
    var item = {
      kind: 'REGISTER',
      tubeBarcode: barcode,
      idempotencyKey: newKey(),
      credentialKind: credential.credentialKind,
      payload: credential.payload || null,
      documentType: credential.documentType || null,
      documentNumber: credential.documentNumber || null,
      name: credential.name || null,
      registeredAt: new Date(now()).toISOString()
    };
    var person; // the dedupe key: the same credential twice in one tube is refused here
    var label;
    var deviceCheck;
    if (item.credentialKind === 'CODE') {
      deviceCheck = checkCode(item.payload).then(function (checked) {
        if (checked.token) {
          person = checked.token.type + ':' + checked.token.ref;
          label = t('kind-' + checked.token.type);
          item.codeType = checked.token.type;
        }
        return checked;
      });
    } else {
      var number = (item.documentNumber || '').trim().toUpperCase();
      var problem = null;
      if (!item.documentType || !number) {
        problem = localProblem('sampling.document.required');
      } else if (!item.name || !item.name.trim()) {
        problem = localProblem('sampling.document.name-required');
      } else if (item.documentType === 'RESIDENT_ID' && !residentIdValid(number)) {
        problem = localProblem('identity.document.check-digit');
      }
      person = 'DOC:' + item.documentType + ':' + number;
      label = maskName(item.name) + ' ' + maskNumber(number);
      deviceCheck = Promise.resolve(problem ? { problem: problem } : { check: 'to-check' });
    }
    return deviceCheck.then(function (checked) {
      if (online && !sessionEnded) {
        // online the server decides, at once
        show('checking', t('checking'), '');
        return enqueue(item, function (outcome) {
          answered(outcome, person);
        }).then(function (done) {
          return done ? null : offline(item, checked, person, label);
        });
      }
      return offline(item, checked, person, label);
    });
  }

  function answered(outcome, person) {
    if (outcome.problem) {
      refuse(outcome.problem);
      return;
    }
    var r = outcome.registration;
    if (tube && person) {
      tube.people.push(person);
      tube.keys = tube.keys || {};
      tube.keys[r.registrationId] = person;
    }
    // the tube's people as the server has them, once this registration has left the queue
    window.setTimeout(function () {
      showQueue().then(refreshTube);
    }, 0);
    show('ok', t('ok'), r.maskedName, r.maskedDocumentNumber + ' · ' + t('kind-' + r.credential));
  }

  /** What the device decides while the network is away; the server checks again on upload. */
  function offline(item, checked, person, label) {
    if (checked.problem) {
      return removeIfQueued(item).then(function () {
        refuse(checked.problem);
      });
    }
    if (tube.people.indexOf(person) >= 0) {
      return removeIfQueued(item).then(function () {
        refuse(localProblem('sampling.person.in-this-tube', label));
      });
    }
    item.check = checked.check;
    item.label = label;
    item.person = person;
    tube.people.push(person);
    var save = item.seq ? put('queue', item) : enqueue(item, function () {});
    return save
      .then(saveTube)
      .then(showTube)
      .then(function () {
        var detail = checked.check === 'verified' ? t('name-later') : t('to-check');
        var reason = item.codeType === 'LIVE' || item.codeType === 'PROXY' ? t('live-offline') : '';
        show('queued', t('queued'), label, detail, reason);
      });
  }

  function removeIfQueued(item) {
    return item.seq ? remove('queue', item.seq).then(showTube) : Promise.resolve();
  }

  // ---------------------------------------------------------------- the list to fix

  function describe(entry) {
    if (entry.kind === 'OPEN') {
      return t('fix-open') + ' ' + entry.tubeBarcode;
    }
    if (entry.kind === 'SEAL') {
      return t('fix-seal') + ' ' + entry.tubeBarcode;
    }
    return (entry.label || t('kind-' + entry.credentialKind)) + ' → ' + entry.tubeBarcode;
  }

  function showFix() {
    return all('fix').then(function (entries) {
      var list = $('fix-list');
      list.textContent = '';
      $('fix-count').textContent = String(entries.length);
      $('fix-empty').hidden = entries.length > 0;
      entries.forEach(function (entry) {
        var li = document.createElement('li');
        li.className = 'fix-item';
        li.setAttribute('data-code', entry.problem.code);
        var what = document.createElement('p');
        what.className = 'fix-what';
        var taken = entry.registeredAt || (entry.at ? new Date(entry.at).toISOString() : '');
        what.textContent = describe(entry) + (taken ? ' · ' + new Date(taken).toLocaleTimeString() : '');
        var why = document.createElement('p');
        why.className = 'fix-reason';
        why.textContent = problemText(entry.problem);
        var retry = document.createElement('button');
        retry.type = 'button';
        retry.className = 'secondary fix-retry';
        retry.textContent = t('fix-retry');
        retry.addEventListener('click', function () {
          // back into the queue with the same key: it cannot count twice
          var again = {};
          Object.keys(entry).forEach(function (k) {
            if (k !== 'seq' && k !== 'problem' && k !== 'refusedAt' && k !== 'queueSeq') {
              again[k] = entry[k];
            }
          });
          tx(['queue', 'fix'], 'readwrite', function (queue, fix) {
            fix['delete'](entry.seq);
            return queue.add(again);
          }).then(showFix).then(showTube).then(flushSoon);
        });
        var dismiss = document.createElement('button');
        dismiss.type = 'button';
        dismiss.className = 'secondary fix-dismiss';
        dismiss.textContent = t('fix-dismiss');
        dismiss.addEventListener('click', function () {
          remove('fix', entry.seq).then(showFix);
        });
        li.appendChild(what);
        li.appendChild(why);
        li.appendChild(retry);
        li.appendChild(dismiss);
        list.appendChild(li);
      });
    });
  }

  // ---------------------------------------------------------------- wiring

  function refreshTube() {
    if (!tube || !online || queueLength > 0) {
      return Promise.resolve();
    }
    return call('GET', api.tubes + '/' + encodeURIComponent(tube.barcode))
      .then(function (answer) {
        if (answer.status === 200) {
          tube.serverMembers = answer.body.members;
          tube.sealed = answer.body.sealed;
          tube.serverPeople = answer.body.people;
          return saveTube();
        }
        return null;
      })
      .catch(function () {})
      .then(showTube);
  }

  $('tube-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = $('tube-barcode');
    var value = input.value;
    input.value = '';
    openTube(value);
  });

  $('tube-seal').addEventListener('click', function () {
    seal();
  });

  $('tube-next').addEventListener('click', function () {
    $('tube-barcode').focus();
  });

  function submitCode(value) {
    var payload = (value || '').replace(/[\r\n]+$/, '').trim();
    if (!payload) {
      return;
    }
    // a tube's barcode scanned where codes go: the next tube, once this one is sealed
    if (tubeBarcode(payload)) {
      openTube(payload);
      return;
    }
    register({ credentialKind: 'CODE', payload: payload }).then(focusInput);
  }

  $('code-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = $('code-input');
    var value = input.value;
    input.value = '';
    submitCode(value);
  });

  $('document-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var number = $('document-number');
    var name = $('document-name');
    var credential = {
      credentialKind: 'TYPED_NUMBER',
      documentType: $('document-type').value,
      documentNumber: number.value.trim(),
      name: name.value.trim()
    };
    register(credential).then(function () {
      if ($('result').getAttribute('data-outcome') !== 'refused') {
        number.value = '';
        name.value = '';
      }
      focusInput();
    });
  });

  // An infant without a document, by hand: online only (the provisional person is made on the
  // server, with the registration); the parent's code or document identifies the parent.
  $('infant-form').addEventListener('submit', function (event) {
    event.preventDefault();
    if (!assigned) {
      refuse(localProblem('not-assigned'));
      return;
    }
    if (!tubeTaken()) {
      refuse(localProblem('no-tube'));
      return;
    }
    if (!online || sessionEnded) {
      refuse(localProblem('infant-offline'));
      return;
    }
    var code = $('infant-parent-code').value.trim();
    var sex = document.querySelector('input[name="infant-sex"]:checked');
    var body = {
      idempotencyKey: newKey(),
      credentialKind: code ? 'CODE' : 'TYPED_NUMBER',
      payload: code || null,
      documentType: code ? null : $('infant-parent-type').value,
      documentNumber: code ? null : $('infant-parent-number').value.trim(),
      name: code ? null : $('infant-parent-name').value.trim(),
      childName: $('infant-name').value.trim(),
      childSex: sex ? sex.value : null,
      childBirthDate: $('infant-birth').value || null
    };
    var person = 'INFANT:' + body.childName + ':' + body.childBirthDate;
    show('checking', t('checking'), '');
    call('POST', api.tubes + '/' + encodeURIComponent(tube.barcode) + '/infants', body).then(
      function (answer) {
        if (answer.status !== 200) {
          refuse(answer.body);
          return;
        }
        answered({ registration: answer.body }, person);
        ['infant-parent-code', 'infant-parent-number', 'infant-parent-name', 'infant-name', 'infant-birth']
          .forEach(function (id) {
            $(id).value = '';
          });
        if (sex) {
          sex.checked = false;
        }
      },
      function () {
        refuse(localProblem('infant-offline'));
      }
    );
  });

  // The terminal's ID-card reader is an outside device: its driver (or the terminal's kiosk
  // browser bridge) calls window.SuishenSampling.cardRead({documentType, documentNumber, name})
  // with what the chip gave, and the person is registered as ID_CARD, online or queued offline.
  window.SuishenSampling = {
    cardRead: function (card) {
      var c = card || {};
      return register({
        credentialKind: 'ID_CARD',
        documentType: c.documentType || 'RESIDENT_ID',
        documentNumber: String(c.documentNumber || '').trim(),
        name: String(c.name || '').trim()
      }).then(focusInput);
    }
  };

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
      },
      onCode: submitCode,
      onError: function (code) {
        cameraStatus.textContent = t('camera-' + code) || t('camera-failed');
        cameraStatus.setAttribute('data-error', code);
        cameraStatus.hidden = false;
      }
    });
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('controllerchange', tellWorker);
  }

  window.addEventListener('online', function () {
    setOnline(true);
    flushSoon().then(refreshTube).then(syncFeeds);
  });
  window.addEventListener('offline', function () {
    setOnline(false);
  });

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker
      .register(root.getAttribute('data-worker'), { scope: root.getAttribute('data-scope') })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function () {
        tellWorker();
      })
      .then(function () {
        return caches.open('suishen-sampling-v1').then(function (cache) {
          return cache.match(root.getAttribute('data-scope'));
        });
      })
      .then(function (kept) {
        root.setAttribute('data-offline-ready', kept ? 'true' : 'false');
      })
      .catch(function () {
        root.setAttribute('data-offline-ready', 'false');
      });
  }

  openDb()
    .then(function (opened) {
      db = opened;
      return loadCaches();
    })
    .then(function () {
      showNet();
      return Promise.all([showTube(), showFix()]);
    })
    .then(function () {
      root.setAttribute('data-ready', 'true');
      focusInput();
      if (!assigned) {
        $('tube-open').disabled = true;
        return null;
      }
      return flushSoon().then(refreshTube).then(syncFeeds);
    });

  window.setInterval(function () {
    if (online && queueLength > 0) {
      flushSoon();
    }
  }, RETRY_MS);
  window.setInterval(syncFeeds, FEEDS_MS);
  window.setInterval(function () {
    // navigator.onLine may say online while requests fail: a periodic try finds out
    if (!online && navigator.onLine) {
      call('GET', api.keys).catch(function () {});
    }
  }, RETRY_MS);
})();
