/*
 * A terminal page's service worker (the sampler's table at /sampling, a venue's sentinel at
 * /sentinel; served by shared.web.TerminalWorker, which puts the page's TERMINAL settings above
 * this text: {name, page, assets}): the page opens without the network. The page itself is
 * fetched from the network first and kept; when the network is gone the kept copy is served,
 * marked data-page-fresh="false" so that the page knows its server time is old. Its styles and
 * scripts are kept at install and served from the cache, refreshed in the background. Nothing of
 * the API is cached here: the page keeps its queue, keys and revocation lists in IndexedDB itself.
 */
'use strict';

var CACHE = 'suishen-' + TERMINAL.name + '-v1';
var BASE = new URL('../', self.location).pathname; // the application's root
var PAGE = BASE + TERMINAL.page;
var ASSETS = TERMINAL.assets.map(function (path) {
  return BASE + path;
});

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll(ASSETS).then(function () {
          // the page the worker was registered from, so that the next reload works offline
          return fetch(PAGE, { credentials: 'same-origin' })
            .then(function (response) {
              if (response.ok && !response.redirected) {
                return cache.put(PAGE, response);
              }
              return null;
            })
            .catch(function () {
              return null;
            });
        });
      })
      .then(function () {
        return self.skipWaiting();
      })
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf('suishen-' + TERMINAL.name + '-') === 0 && name !== CACHE;
            })
            .map(function (name) {
              return caches.delete(name);
            })
        );
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

/** The kept copy, marked as such. */
function keptPage() {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(PAGE).then(function (kept) {
      if (!kept) {
        return Response.error();
      }
      return kept.text().then(function (html) {
        return new Response(html.replace('data-page-fresh="true"', 'data-page-fresh="false"'), {
          status: 200,
          headers: kept.headers
        });
      });
    });
  });
}

/*
 * The page tells the worker when it finds itself offline (its own requests fail, or the browser
 * says so): while it is, a reload is served from the kept copy at once instead of waiting on a
 * network that is not there (a flaky network at a busy table can hang a request for a minute).
 * Kept in the cache, as a worker may be stopped and started between two requests.
 */
var STATE = PAGE + '/offline-worker-state';
var NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type === 'network') {
    event.waitUntil(
      caches.open(CACHE).then(function (cache) {
        return cache.put(STATE, new Response(data.offline ? 'offline' : 'online'));
      })
    );
  }
});

function pageOffline() {
  return caches
    .open(CACHE)
    .then(function (cache) {
      return cache.match(STATE);
    })
    .then(function (state) {
      return state ? state.text() : 'online';
    })
    .then(function (text) {
      return text === 'offline';
    });
}

/** The page from the network, given up after a while (then the kept copy is served). */
function fromNetwork(request) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () {
      reject(new Error('timeout'));
    }, NETWORK_TIMEOUT_MS);
    fetch(request).then(
      function (response) {
        clearTimeout(timer);
        resolve(response);
      },
      function (error) {
        clearTimeout(timer);
        reject(error);
      }
    );
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(
      pageOffline()
        .then(function (offline) {
          return offline ? Promise.reject(new Error('offline')) : fromNetwork(request);
        })
        .then(function (response) {
          var type = response.headers.get('Content-Type') || '';
          // only the page itself (not a log-in page it was redirected to) is kept
          if (response.ok && !response.redirected && type.indexOf('text/html') === 0) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) {
              return cache.put(PAGE, copy);
            });
          }
          return response;
        })
        .catch(keptPage)
    );
    return;
  }
  if (ASSETS.indexOf(url.pathname) >= 0) {
    event.respondWith(
      caches.open(CACHE).then(function (cache) {
        return cache.match(url.pathname).then(function (kept) {
          var fresh = fetch(request)
            .then(function (response) {
              if (response.ok) {
                cache.put(url.pathname, response.clone());
              }
              return response;
            })
            .catch(function () {
              return kept || Response.error();
            });
          return kept || fresh;
        });
      })
    );
  }
});
