// The installable app and never a lost note (issue 13.2). Progressive only: without it every page works as before.
// Loaded by the pages and by the service worker (sw.js), which share the phone's waiting notes (IndexedDB).
(function (scope) {
  'use strict';

  // --- The waiting notes, in the page and in the service worker -------------------------------------------
  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open('leerkring-offline', 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore('notes', { keyPath: 'token' });
        request.result.createObjectStore('prefs');
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function inStore(store, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode);
        var request = work(tx.objectStore(store));
        tx.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function newToken() {
    if (scope.crypto.randomUUID) { return scope.crypto.randomUUID(); }
    var bytes = scope.crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  var Queue = {
    newToken: newToken,
    /** A note as the form holds it: its fields, its photo (kept too, as the file chosen) and its client token. */
    fromForm: function (data, action, person) {
      var fields = [];
      var photo = null;
      data.forEach(function (value, name) {
        if (name === '_csrf' || name === 'clientToken') { return; }
        if (typeof value !== 'string') {
          if (value.size > 0) { photo = value; }
          return;
        }
        fields.push([name, value]);
      });
      return { token: data.get('clientToken') || newToken(), person: person, action: action, fields: fields,
        photo: photo, photoName: photo ? photo.name : null, text: String(data.get('text') || ''),
        savedAt: Date.now(), state: 'waiting' };
    },
    keep: function (note) { return inStore('notes', 'readwrite', function (s) { s.put(note); }); },
    all: function () { return inStore('notes', 'readonly', function (s) { return s.getAll(); }); },
    get: function (token) { return inStore('notes', 'readonly', function (s) { return s.get(token); }); },
    remove: function (token) { return inStore('notes', 'readwrite', function (s) { s.delete(token); }); },
    /** Who last used the app on this phone and in which language: the worker has no page to ask. */
    prefs: function () {
      return inStore('prefs', 'readonly', function (s) { return s.get('prefs'); })
        .then(function (prefs) { return prefs || {}; }, function () { return {}; });
    },
    setPrefs: function (prefs) { return inStore('prefs', 'readwrite', function (s) { s.put(prefs, 'prefs'); }); },
    clear: function () {
      return inStore('notes', 'readwrite', function (s) { s.clear(); })
        .then(function () { return inStore('prefs', 'readwrite', function (s) { s.clear(); }); });
    }
  };
  scope.LeerkringQueue = Queue;
  if (typeof document === 'undefined' || !scope.indexedDB || !scope.fetch) { return; }

  // --- The page ------------------------------------------------------------------------------------------
  var NOTE_POST = /^\/c\/[^/]+\/notes$/;
  var PAGES = 'leerkring-pages';
  var meta = document.querySelector('meta[name="leerkring-person"]');
  var lang = document.documentElement.lang === 'en' ? 'en' : 'nl';
  var box = document.querySelector('.offline-notes');
  var texts = box ? box.dataset : {};
  var sent = [];
  var sending = null;
  var person = meta ? meta.content : null;

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { /* the pages work without */ });
  }
  var ready = Queue.prefs().then(function (prefs) {
    // The offline page is shown to whoever used the phone last; a logged-in page says who that is.
    person = person || prefs.person || null;
    if (!meta || (prefs.person === person && prefs.lang === lang)) { return null; }
    // Someone else logged in without the last person logging out: the forms kept were the last person's.
    var theirs = prefs.person && prefs.person !== person && scope.caches ? scope.caches.delete(PAGES) : null;
    return Promise.all([theirs, Queue.setPrefs({ person: person, lang: lang })]);
  }).catch(function () { /* private browsing without IndexedDB: nothing is kept */ });

  function noteForm() {
    var forms = document.querySelectorAll('form[method="post"]');
    for (var i = 0; i < forms.length; i++) {
      if (NOTE_POST.test(forms[i].getAttribute('action') || '')) { return forms[i]; }
    }
    return null;
  }

  var form = noteForm();
  if (box && form) { form.parentNode.insertBefore(box, form); }

  document.addEventListener('submit', function (event) {
    var target = event.target;
    if (target === form && navigator.onLine === false && person) {
      event.preventDefault();
      event.stopImmediatePropagation();
      keep(target);
    } else if ((target.getAttribute('action') || '') === '/logout') {
      event.preventDefault();
      leave(target);
    }
  }, true);

  /** Offline: the note goes to the phone, the form is emptied for the next one. */
  function keep(form) {
    var data = new FormData(form);
    var missing = !data.get('kind') ? form.querySelector('input[name="kind"]')
      : (!String(data.get('text') || '').trim() ? form.querySelector('[name="text"]') : null);
    var alert = box && box.querySelector('.offline-alert');
    if (missing) {
      if (alert) { alert.textContent = texts.missing; }
      missing.focus();
      return;
    }
    if (alert) { alert.textContent = ''; }
    var note = Queue.fromForm(data, form.getAttribute('action'), person);
    Queue.get(note.token).then(function (same) {
      // The same form sent twice (a double tap) is one note; another note on the same form gets a token of its own.
      if (same && JSON.stringify(same.fields) === JSON.stringify(note.fields)) { return null; }
      if (same) { note.token = newToken(); }
      return Queue.keep(note);
    }).then(function () {
      form.reset();
      var token = form.querySelector('input[name="clientToken"]');
      if (token) { token.value = newToken(); }
      status(texts.waiting);
      return show();
    }).then(function () {
      if (box) { box.scrollIntoView({ block: 'start' }); }
    });
  }

  /** Back online (or a page loaded with a connection): each waiting note of this person is sent, one at a time. */
  function sendWaiting() {
    var csrf = meta && meta.dataset.csrf;
    if (!person || !csrf || sending) { return sending; }
    var run = function () {
      return Queue.all().then(function (notes) {
        var mine = notes.filter(function (n) { return n.person === person && n.state === 'waiting'; });
        if (mine.length && box) { status(texts.sending); }
        return mine.reduce(function (before, note) {
          return before.then(function (go) { return go && sendOne(note, csrf); });
        }, Promise.resolve(true));
      });
    };
    // Two tabs coming online at once take turns; the client token would make a second sending harmless anyway.
    sending = (navigator.locks ? navigator.locks.request('leerkring-waiting-notes', run) : run())
      .catch(function () { return false; })
      .then(function (allSent) {
        sending = null;
        retryUnlessSent(allSent);
        return show();
      });
    return sending;
  }

  // "online" only says the phone has a network, not that it reaches the server (a shop floor's wifi behind a
  // login page, a connection that comes back in steps): a note that could not go is tried again, less often.
  var retryDelay = 2000;
  function retryUnlessSent(allSent) {
    if (allSent !== false) { retryDelay = 2000; return; }
    if (!navigator.onLine) { return; }
    setTimeout(function () { if (navigator.onLine) { sendWaiting(); } }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60000);
  }

  function sendOne(note, csrf) {
    var body = new FormData();
    body.append('_csrf', csrf);
    body.append('clientToken', note.token);
    note.fields.forEach(function (field) { body.append(field[0], field[1]); });
    if (note.photo) { body.append('photo', note.photo, note.photoName || 'photo.jpg'); }
    return fetch(note.action, { method: 'POST', body: body, credentials: 'same-origin' }).then(function (response) {
      var path = new URL(response.url).pathname;
      if (response.redirected && /^\/notes\/[^/]+$/.test(path)) {
        sent.push({ note: note, href: path });
        status(texts.sent);
        return Queue.remove(note.token).then(function () { return true; });
      }
      // Refused for good (the text, the photo, a community left): the person decides. A 403 is most likely a
      // page kept from an earlier login, so the note waits for a page of the current one.
      if ([400, 404, 409, 413, 422].indexOf(response.status) >= 0) {
        return response.text().then(function (html) {
          note.state = 'refused';
          note.problem = refusal(html);
          return Queue.keep(note);
        }).then(function () { return true; });
      }
      return false;
    }, function () { return false; });
  }

  /** The server's own words for what is wrong, as the form it sent back shows them. */
  function refusal(html) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    // The error summary at the top of the form lists every mistake once (partials/error-summary).
    var shown = page.querySelectorAll('main .error-summary li');
    var words = Array.prototype.map.call(shown, function (e) { return e.textContent.trim(); }).filter(Boolean);
    // An error page instead of the form: its title and message.
    var title = page.querySelector('main h1');
    var message = page.querySelector('main h1 + p');
    return words.length ? words.join(' ')
      : [title, message].filter(Boolean).map(function (e) { return e.textContent.trim(); }).join(': ');
  }

  /** Logging out on a shared phone: send what waits if it can, then leave nothing of this person behind. */
  function leave(form) {
    var done = function () { form.submit(); };
    var cleared = Promise.resolve(navigator.onLine ? sendWaiting() : null).then(function () {
      return Promise.all([Queue.clear(), scope.caches ? scope.caches.delete(PAGES) : null]);
    });
    Promise.race([cleared, new Promise(function (resolve) { setTimeout(resolve, 3000); })]).then(done, done);
  }

  function status(text) {
    var line = box && box.querySelector('.offline-status');
    if (line && text) {
      line.textContent = text;
      line.classList.toggle('done', text === texts.sent);
    }
  }

  /** The waiting list: this person's notes still on the phone, and those sent from this page. */
  function show() {
    if (!box) { return Promise.resolve(); }
    return Queue.all().then(function (notes) {
      var mine = notes.filter(function (n) { return n.person === person; })
        .sort(function (a, b) { return a.savedAt - b.savedAt; });
      var list = box.querySelector('.waiting-list');
      list.textContent = '';
      mine.forEach(function (note) { list.appendChild(item(note, null)); });
      sent.forEach(function (done) { list.appendChild(item(done.note, done.href)); });
      box.querySelector('.waiting-notes').hidden = !list.children.length;
      var line = box.querySelector('.offline-status');
      if (mine.some(function (n) { return n.state === 'waiting'; })) {
        status(texts.waiting);
      } else if (line.textContent === texts.sending) {
        line.textContent = '';
      }
    }).catch(function () { /* nothing kept, nothing to show */ });
  }

  function item(note, href) {
    var li = document.createElement('li');
    li.className = 'card waiting-note ' + (href ? 'sent' : note.state);
    var quote = document.createElement('p');
    quote.className = 'waiting-text';
    quote.textContent = note.text.length > 120 ? note.text.slice(0, 117) + '…' : note.text;
    li.appendChild(quote);
    var meta = document.createElement('p');
    meta.className = 'meta';
    var when = new Date(note.savedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL',
      { weekday: 'short', hour: '2-digit', minute: '2-digit' });
    var state = href ? texts.itemSent : note.state === 'refused' ? texts.itemRefused : texts.itemWaiting;
    meta.textContent = state + ' · ' + when + (note.photo ? ' · ' + texts.withPhoto : '');
    li.appendChild(meta);
    if (href) {
      var link = document.createElement('a');
      link.href = href;
      link.textContent = texts.open;
      li.appendChild(link);
    } else if (note.state === 'refused') {
      var why = document.createElement('p');
      why.className = 'field-error';
      why.textContent = note.problem || '';
      li.appendChild(why);
      if (form && form.getAttribute('action') === note.action) {
        var back = document.createElement('button');
        back.type = 'button';
                back.textContent = texts.backToForm;
        back.addEventListener('click', function () { backToForm(note); });
        li.appendChild(back);
      }
    }
    return li;
  }

  /** A refused note goes back into the form, to be put right and sent as the person sends any note. */
  function backToForm(note) {
    form.reset();
    note.fields.forEach(function (field) {
      var inputs = form.querySelectorAll('[name="' + field[0] + '"]');
      Array.prototype.forEach.call(inputs, function (input) {
        if (input.type === 'radio' || input.type === 'checkbox') {
          if (input.value === field[1]) { input.checked = true; }
        } else {
          input.value = field[1];
        }
      });
    });
    var photo = form.querySelector('input[type="file"][name="photo"]');
    if (note.photo && photo && scope.DataTransfer) {
      var chosen = new DataTransfer();
      chosen.items.add(new File([note.photo], note.photoName || 'photo.jpg', { type: note.photo.type }));
      photo.files = chosen.files;
    }
    Queue.remove(note.token).then(show).then(function () {
      var text = form.querySelector('[name="text"]');
      if (text) { text.focus(); }
    });
  }

  /** The offline page offers the note forms this phone kept, by the community they belong to. */
  function keptForms() {
    var section = document.querySelector('.offline-forms');
    if (!section || !scope.caches) { return; }
    caches.open(PAGES).then(function (cache) { return cache.keys(); }).then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return caches.match(request, { cacheName: PAGES }).then(function (page) { return page.text(); })
          .then(function (html) {
            var kept = new DOMParser().parseFromString(html, 'text/html');
            // "Nieuwe veldnotitie" and "In <community>": the words the journal's links use.
            var title = kept.querySelector('main h1');
            var where = kept.querySelector('main p.meta');
            var label = (title ? title.textContent.trim() : '') + (where ? ' ' + where.textContent.trim()
              .replace(/^\S/, function (c) { return c.toLowerCase(); }) : '');
            return { href: new URL(request.url).pathname, label: label };
          });
      }));
    }).then(function (forms) {
      var list = section.querySelector('ul');
      forms.forEach(function (kept) {
        var li = document.createElement('li');
        var link = document.createElement('a');
        link.href = kept.href;
        link.textContent = kept.label;
        li.appendChild(link);
        list.appendChild(li);
      });
      section.hidden = !forms.length;
    }).catch(function () { /* nothing kept */ });
  }

  ready.then(function () {
    keptForms();
    return show();
  }).then(function () {
    if (navigator.onLine) { sendWaiting(); }
  });
  window.addEventListener('online', sendWaiting);
  window.addEventListener('offline', show);
})(self);
