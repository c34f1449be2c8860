/*
 * What every terminal page shares (the sampler's table, a venue's sentinel): a terminal works at a
 * table or a door with a queue behind it and the network may go at any moment, so it keeps its
 * clock offset, its queue and the published keys and revocation feeds on the device (IndexedDB),
 * checks codes as far as it can alone, and talks to the server through one call() that tells it
 * whether the network is there.
 *
 * Exposed as window.SuishenTerminal: the checks and codecs as plain functions, and
 * SuishenTerminal.create(options) for one page's terminal (its database, clock, key and feeds).
 * The token format is docs/healthcode.md, "Token format"; masking is shared.masking.Masking's.
 */
(function () {
  'use strict';

  var TYPES = { 0: 'LIVE', 1: 'PROXY', 2: 'NAT', 3: 'OFFLINE' };
  var COLOURS = { 0: null, 1: 'GREEN', 2: 'YELLOW', 3: 'RED' };
  var BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

  /** The page's texts, from a hidden list of <li data-key="...">; t(key, args...) fills {0}... */
  function texts(list) {
    var found = {};
    Array.prototype.forEach.call(list ? list.children : [], function (li) {
      found[li.getAttribute('data-key')] = li.textContent;
    });
    return function (key) {
      var value = found[key] || key;
      for (var i = 1; i < arguments.length; i++) {
        value = value.split('{' + (i - 1) + '}').join(String(arguments[i]));
      }
      return value;
    };
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

  // ---------------------------------------------------------------- masking

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

  // ---------------------------------------------------------------- the token

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
      colour: COLOURS[bytes[2]],
      kid: kid,
      ref: base64url(bytes.slice(5, 21)),
      holderRef: type === 'PROXY' ? base64url(bytes.slice(21, 37)) : null,
      issuedAt: view.getUint32(length - 8) * 1000,
      expiresAt: view.getUint32(length - 4) * 1000,
      payload: bytes.slice(0, length),
      signature: bytes.slice(length, length + 64)
    };
  }

  /** true or false with the key; null when this device cannot tell (no key, no Ed25519 here). */
  function verifySignature(publicKey, token) {
    if (!publicKey || !window.crypto || !window.crypto.subtle) {
      return Promise.resolve(null);
    }
    return window.crypto.subtle
      .importKey('raw', fromBase64url(publicKey), { name: 'Ed25519' }, false, ['verify'])
      .then(function (key) {
        return window.crypto.subtle.verify({ name: 'Ed25519' }, key, token.signature, token.payload);
      })
      .catch(function () {
        return null;
      });
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  // ---------------------------------------------------------------- one page's terminal

  /**
   * options: name (the page: 'sampling', 'sentinel'), actor (one database per account: a queue
   * is uploaded by the account that took it), stores (object stores besides 'cache'), fresh and
   * serverTime (the page came from the network now), onNetwork(online) (every answer or failure),
   * api: {keys, nat, subjects} (the feeds this page keeps).
   */
  function create(options) {
    var name = options.name;
    var api = options.api || {};
    var clockKey = 'suishen-' + name + '-clock';
    var terminal = {
      db: null,
      offset: 0, // server clock - device clock, ms
      keys: {}, // kid -> base64url public key
      natRevoked: {}, // credential id -> expiry (epoch s)
      subjectsRevoked: {} // person reference -> true
    };

    terminal.now = function () {
      return Date.now() + terminal.offset;
    };

    terminal.setServerTime = function (serverMillis) {
      if (isFinite(serverMillis)) {
        terminal.offset = serverMillis - Date.now();
        localStorage.setItem(clockKey, String(terminal.offset));
      }
    };

    if (options.fresh) {
      terminal.setServerTime(Number(options.serverTime));
    } else {
      terminal.offset = Number(localStorage.getItem(clockKey)) || 0;
    }

    var deviceKey = 'suishen-' + name + '-device';
    var device = localStorage.getItem(deviceKey);
    if (!device) {
      device = randomId().replace(/-/g, '').slice(0, 8);
      localStorage.setItem(deviceKey, device);
    }

    /** web-<device>:<uuid>: 8-100 of A-Z a-z 0-9 . _ : - as the APIs ask. */
    terminal.newKey = function () {
      return 'web-' + device + ':' + randomId();
    };

    // ---------------------------------------------------------------- IndexedDB

    terminal.open = function () {
      return new Promise(function (resolve, reject) {
        var request = indexedDB.open('suishen-' + name + '-' + (options.actor || 'anonymous'), 1);
        request.onupgradeneeded = function () {
          var d = request.result;
          (options.stores || []).forEach(function (store) {
            d.createObjectStore(store, { keyPath: 'seq', autoIncrement: true });
          });
          d.createObjectStore('cache', { keyPath: 'name' });
        };
        request.onsuccess = function () {
          terminal.db = request.result;
          resolve(terminal.db);
        };
        request.onerror = function () {
          reject(request.error);
        };
      });
    };

    /** Runs fn(stores...) in one transaction; resolves with what the last request gave. */
    terminal.tx = function (names, mode, fn) {
      return new Promise(function (resolve, reject) {
        var transaction = terminal.db.transaction(names, mode);
        var result;
        var request = fn.apply(
          null,
          names.map(function (n) {
            return transaction.objectStore(n);
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
    };

    terminal.all = function (store) {
      return terminal.tx([store], 'readonly', function (s) {
        return s.getAll();
      });
    };

    terminal.put = function (store, value) {
      return terminal.tx([store], 'readwrite', function (s) {
        return s.put(value);
      });
    };

    terminal.remove = function (store, key) {
      return terminal.tx([store], 'readwrite', function (s) {
        return s['delete'](key);
      });
    };

    terminal.cached = function (cacheName) {
      return terminal.tx(['cache'], 'readonly', function (s) {
        return s.get(cacheName);
      });
    };

    // ---------------------------------------------------------------- the server

    function network(value) {
      if (options.onNetwork) {
        options.onNetwork(value);
      }
    }

    /**
     * Resolves with {status, body}; rejects only when the network failed (the caller keeps the
     * item). Any answer means the network is there; a log-in page instead of JSON is a 401.
     */
    terminal.call = function (method, url, body) {
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
          network(true);
          var type = response.headers.get('Content-Type') || '';
          if (response.redirected || type.indexOf('json') < 0) {
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
          network(false);
          throw error;
        }
      );
    };

    // ---------------------------------------------------------------- keys and revocation feeds

    terminal.loadFeeds = function () {
      return Promise.all([terminal.cached('keys'), terminal.cached('nat'), terminal.cached('subjects')]).then(
        function (found) {
          terminal.keys = (found[0] && found[0].keys) || {};
          terminal.natRevoked = (found[1] && found[1].ids) || {};
          terminal.subjectsRevoked = (found[2] && found[2].refs) || {};
        }
      );
    };

    function syncKeys() {
      return terminal.call('GET', api.keys).then(function (answer) {
        if (answer.status !== 200 || !answer.body.keys) {
          return null;
        }
        var fresh = {};
        answer.body.keys.forEach(function (k) {
          fresh[k.kid] = k.x;
        });
        terminal.keys = fresh;
        return terminal.put('cache', { name: 'keys', keys: fresh, at: terminal.now() });
      });
    }

    function syncNat() {
      if (!api.nat) {
        return Promise.resolve();
      }
      return terminal.cached('nat').then(function (state) {
        state = state || { name: 'nat', partitions: 0, next: {}, ids: {} };
        function page(partition) {
          var since = state.next[partition] || 0;
          var url = api.nat + '?partition=' + partition + '&since=' + since;
          return terminal.call('GET', url).then(function (answer) {
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
          var nowSeconds = terminal.now() / 1000;
          Object.keys(state.ids).forEach(function (id) {
            if (state.ids[id] < nowSeconds) {
              delete state.ids[id]; // expired codes are refused by their expiry anyway
            }
          });
          terminal.natRevoked = state.ids;
          return terminal.put('cache', state);
        });
      });
    }

    function syncSubjects() {
      return terminal.cached('subjects').then(function (state) {
        state = state || { name: 'subjects', next: 0, refs: {} };
        function page() {
          return terminal.call('GET', api.subjects + '?since=' + state.next).then(function (answer) {
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
          terminal.subjectsRevoked = state.refs;
          return terminal.put('cache', state);
        });
      });
    }

    /** Keys, then the revocation feeds; resolves true when all came, false when offline. */
    terminal.syncFeeds = function () {
      return syncKeys()
        .then(syncNat)
        .then(syncSubjects)
        .then(
          function () {
            return true;
          },
          function () {
            return false; // offline again: the cached lists stay
          }
        );
    };

    terminal.verify = function (token) {
      return verifySignature(terminal.keys[token.kid], token);
    };

    /** Withdrawn by a cached feed: a NAT code by its id, other codes by person or holder. */
    terminal.revoked = function (token) {
      return token.type === 'NAT'
        ? terminal.natRevoked[token.ref] !== undefined
        : terminal.subjectsRevoked[token.ref] === true ||
            (token.holderRef !== null && terminal.subjectsRevoked[token.holderRef] === true);
    };

    // ---------------------------------------------------------------- the service worker

    /** The service worker serves the kept page at once while the page is offline. */
    terminal.tellWorker = function (online) {
      if ('serviceWorker' in navigator && navigator.serviceWorker.controller) {
        navigator.serviceWorker.controller.postMessage({ type: 'network', offline: !online });
      }
    };

    /** Registers the page's worker; resolves true once the page is kept for offline use. */
    terminal.keepOffline = function (workerUrl, scope, online) {
      if (!('serviceWorker' in navigator)) {
        return Promise.resolve(false);
      }
      navigator.serviceWorker.addEventListener('controllerchange', function () {
        terminal.tellWorker(online());
      });
      return navigator.serviceWorker
        .register(workerUrl, { scope: scope })
        .then(function () {
          return navigator.serviceWorker.ready;
        })
        .then(function () {
          terminal.tellWorker(online());
          return caches.open('suishen-' + name + '-v1');
        })
        .then(function (cache) {
          return cache.match(scope);
        })
        .then(
          function (kept) {
            return !!kept;
          },
          function () {
            return false;
          }
        );
    };

    return terminal;
  }

  /**
   * The page's camera (camera-scan.js) on the usual elements (camera-start, camera-stop, camera,
   * camera-permission, camera-status): each code read goes to onCode, a failure is shown in words.
   */
  function attachCamera(t, onCode) {
    var status = document.getElementById('camera-status');
    var video = document.getElementById('camera');
    if (!window.SuishenCamera || !status || !video) {
      return;
    }
    window.SuishenCamera.attach({
      startButton: document.getElementById('camera-start'),
      stopButton: document.getElementById('camera-stop'),
      video: video,
      permission: document.getElementById('camera-permission'),
      decoderSrc: video.getAttribute('data-decoder-src'),
      onStart: function () {
        status.hidden = true;
      },
      onCode: onCode,
      onError: function (code) {
        status.textContent = t('camera-' + code) || t('camera-failed');
        status.setAttribute('data-error', code);
        status.hidden = false;
      }
    });
  }

  /**
   * Whether the page starts online. A kept copy (fresh false) was served because the network was
   * away when the page was asked for: it starts offline, whatever navigator.onLine says, until one
   * of its periodic tries goes through. A reload can run the page's script before the browser has
   * told the new document that it is offline, and a queue uploaded then may commit on the server
   * while its answer is lost (nothing twice, thanks to the keys, but a flapping network at the
   * table should not be tried at every reload).
   */
  function startsOnline(fresh) {
    return fresh && navigator.onLine;
  }

  window.SuishenTerminal = {
    attachCamera: attachCamera,
    startsOnline: startsOnline,
    texts: texts,
    randomId: randomId,
    maskName: maskName,
    maskNumber: maskNumber,
    residentIdValid: residentIdValid,
    readToken: readToken,
    csrfToken: csrfToken,
    create: create
  };
})();
