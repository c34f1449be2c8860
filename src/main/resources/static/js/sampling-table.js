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

  var T = window.SuishenTerminal;
  var t = T.texts($('sampling-texts'));

  // ---------------------------------------------------------------- the device (terminal.js)

  var terminal = T.create({
    name: 'sampling',
    actor: actor,
    stores: ['queue', 'fix'],
    fresh: fresh,
    serverTime: root.getAttribute('data-server-time'),
    onNetwork: function (value) {
      setOnline(value);
    },
    api: api
  });
  if (!fresh) {
    $('page-copy').hidden = false;
  }
  var now = terminal.now;
  var newKey = terminal.newKey;
  var tx = terminal.tx;
  var all = terminal.all;
  var put = terminal.put;
  var remove = terminal.remove;
  var cached = terminal.cached;
  var call = terminal.call;
  var maskName = T.maskName;
  var maskNumber = T.maskNumber;
  var residentIdValid = T.residentIdValid;

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

  var online = T.startsOnline(fresh);
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

  function registers(item) {
    return item.kind === 'REGISTER' || item.kind === 'INFANT';
  }

  function pendingFor(items, barcode) {
    return items.filter(function (i) {
      return registers(i) && i.tubeBarcode === barcode;
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
      return registers(i) && i.tubeBarcode === tube.barcode && !liveHandlers[i.seq];
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

  /**
   * Resolves with {problem} when the device can tell the code is refused, else with
   * {token, check: 'verified' | 'to-check'}.
   */
  function checkCode(text) {
    var token = T.readToken(text);
    if (!token) {
      return Promise.resolve({ problem: localProblem('sampling.code.invalid') });
    }
    return terminal.verify(token).then(function (valid) {
      if (valid === false) {
        return { problem: localProblem('sampling.code.invalid') };
      }
      var skew = token.type === 'LIVE' || token.type === 'PROXY' ? CLOCK_SKEW_S * 1000 : 0;
      if (token.expiresAt + skew < now()) {
        return { problem: localProblem('sampling.code.expired') };
      }
      if (terminal.revoked(token)) {
        return { problem: localProblem('sampling.code.revoked') };
      }
      // a NAT or offline code is what it says; a live code's status and a proxy code's binding are
      // the server's to know
      var settled = valid === true && (token.type === 'NAT' || token.type === 'OFFLINE');
      return { token: token, check: settled ? 'verified' : 'to-check' };
    });
  }

  // ---------------------------------------------------------------- the server

  function tellWorker() {
    terminal.tellWorker(online);
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
    return Promise.all([terminal.loadFeeds(), cached('tube')]).then(function (found) {
      tube = (found[1] && found[1].tube) || null;
    });
  }

  function syncFeeds() {
    if (!online) {
      return Promise.resolve();
    }
    return terminal.syncFeeds().then(function (done) {
      if (done) {
        root.setAttribute('data-feeds', 'cached');
      }
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
      } else if (first.kind === 'INFANT') {
        step = uploadInfant(first);
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

  /** What a queued registration sends: its key, the credential as read and when it was taken. */
  function registrationBody(item) {
    return {
      idempotencyKey: item.idempotencyKey,
      credentialKind: item.credentialKind,
      payload: item.payload || null,
      documentType: item.documentType || null,
      documentNumber: item.documentNumber || null,
      name: item.name || null,
      registeredAt: item.registeredAt
    };
  }

  function uploadRegistrations(run) {
    var body = {
      registrations: run.map(function (item) {
        var one = registrationBody(item);
        one.tubeBarcode = item.tubeBarcode;
        return one;
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
        terminal.setServerTime(Date.parse(answer.body.serverTime));
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

  /** An infant queued offline: one at a time, its provisional person made with it on the server. */
  function uploadInfant(item) {
    var url = api.tubes + '/' + encodeURIComponent(item.tubeBarcode) + '/infants';
    var body = registrationBody(item);
    body.childName = item.childName;
    body.childSex = item.childSex;
    body.childBirthDate = item.childBirthDate;
    return call('POST', url, body).then(function (answer) {
      if (answer.status === 200) {
        var r = answer.body;
        if (tube && tube.barcode === r.tubeBarcode) {
          tube.serverMembers = r.members;
          tube.sealed = tube.sealed || r.sealed;
        }
        return remove('queue', item.seq).then(function () {
          settle(item, { registration: r });
          return saveTube().then(function () {
            return true;
          });
        });
      }
      return refused(item, answer);
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

  /**
   * A person: credential {credentialKind, payload | documentType, documentNumber, name}; for an
   * infant by hand, the parent's credential and the child {childName, childSex, childBirthDate}.
   */
  function register(credential, child) {
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
    if (child) {
      item.kind = 'INFANT';
      item.childName = child.childName;
      item.childSex = child.childSex;
      item.childBirthDate = child.childBirthDate;
    }
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
    if (child) {
      deviceCheck = deviceCheck.then(function (checked) {
        var wrong = childProblem(child);
        // the child is the one registered: known by the parent and their own name and birth date
        person = 'INFANT:' + person + ':' + child.childName + ':' + child.childBirthDate;
        label = maskName(child.childName) + ' · ' + t('kind-INFANT');
        item.codeType = null;
        return wrong ? { problem: wrong } : checked.problem ? checked : { check: 'to-check' };
      });
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

  /**
   * A person refused on upload leaves their tube one short: counted full on the device, it was
   * never sealed, and the page has moved on to the next tube. The entry offers to seal it as it is
   * (queued like any seal; the entry stays until the sampler marks it done).
   */
  function sealShort(entry) {
    if (entry.kind !== 'REGISTER' || entry.sealAsked || (tube && tube.barcode === entry.tubeBarcode)) {
      return null;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary fix-seal';
    button.textContent = t('fix-seal-short', entry.tubeBarcode);
    button.addEventListener('click', function () {
      entry.sealAsked = true;
      tx(['queue', 'fix'], 'readwrite', function (queue, fix) {
        fix.put(entry);
        return queue.add({ kind: 'SEAL', tubeBarcode: entry.tubeBarcode, at: now() });
      }).then(showFix).then(showTube).then(flushSoon);
    });
    return button;
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
        var short = sealShort(entry);
        if (short) {
          li.appendChild(short);
        }
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

  // An infant without a document, by hand: the parent's code or document identifies the parent;
  // the provisional person is made on the server with the registration, so offline it is queued
  // and checked on upload like a typed number.
  var INFANT_MAX_YEARS = 6;

  /** What the server would refuse in the child's details, checked here so the queue holds none. */
  function childProblem(child) {
    if (!child.childName || child.childName.length > 40) {
      return localProblem('sampling.infant.name-invalid', 40);
    }
    if (child.childSex !== 'MALE' && child.childSex !== 'FEMALE') {
      return localProblem('sampling.infant.sex-invalid');
    }
    var born = child.childBirthDate ? Date.parse(child.childBirthDate + 'T00:00:00Z') : NaN;
    if (isNaN(born) || born > now()) {
      return localProblem('sampling.infant.birth-date-invalid');
    }
    var sixth = new Date(born);
    sixth.setUTCFullYear(sixth.getUTCFullYear() + INFANT_MAX_YEARS);
    if (sixth.getTime() <= now()) {
      return localProblem('sampling.infant.too-old', INFANT_MAX_YEARS);
    }
    return null;
  }

  $('infant-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var code = $('infant-parent-code').value.trim();
    var sex = document.querySelector('input[name="infant-sex"]:checked');
    var parent = code
      ? { credentialKind: 'CODE', payload: code }
      : {
          credentialKind: 'TYPED_NUMBER',
          documentType: $('infant-parent-type').value,
          documentNumber: $('infant-parent-number').value.trim(),
          name: $('infant-parent-name').value.trim()
        };
    var child = {
      childName: $('infant-name').value.trim(),
      childSex: sex ? sex.value : null,
      childBirthDate: $('infant-birth').value || null
    };
    register(parent, child).then(function () {
      if ($('result').getAttribute('data-outcome') === 'refused') {
        return;
      }
      ['infant-parent-code', 'infant-parent-number', 'infant-parent-name', 'infant-name', 'infant-birth']
        .forEach(function (id) {
          $(id).value = '';
        });
      if (sex) {
        sex.checked = false;
      }
    });
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

  T.attachCamera(t, submitCode);

  window.addEventListener('online', function () {
    setOnline(true);
    flushSoon().then(refreshTube).then(syncFeeds);
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
