// Leerkring's service worker, served at /sw.js with BUILD (this release's version and static files) in front.
// It keeps: the static files, the offline page in Dutch and English, and the note forms of communities the
// person opened (nothing else of anyone's data). A note posted without a connection goes to the phone's
// waiting notes (offline.js, shared with the pages). The logout answer's Clear-Site-Data removes all of it.
/* global BUILD */
'use strict';
importScripts(BUILD.queue);

var STATIC = 'leerkring-static-' + BUILD.version;
var PAGES = 'leerkring-pages';
var NOTE_FORM = /^\/c\/[^/]+\/notes\/new$/;
var NOTE_POST = /^\/c\/[^/]+\/notes$/;
var Queue = self.LeerkringQueue;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(STATIC).then(function (cache) {
    return cache.addAll(BUILD.precache).then(function () {
      // Fetched without the login, so the page holds no one's data; Accept-Language picks its language.
      return Promise.all(['nl', 'en'].map(function (lang) {
        return fetch('/offline', { credentials: 'omit', headers: { 'Accept-Language': lang } })
          .then(function (response) {
            if (!response.ok) { throw new Error('offline page: ' + response.status); }
            return cache.put(offlinePage(lang), response);
          });
      }));
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf('leerkring-static-') === 0 && name !== STATIC;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    // The page's request starts while the worker wakes up, so an online page loads no slower than without it.
    return self.registration.navigationPreload ? self.registration.navigationPreload.enable() : null;
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.method === 'POST' && request.mode === 'navigate' && NOTE_POST.test(url.pathname)) {
    event.respondWith(postNote(event, url));
  } else if (request.method !== 'GET') {
    return;
  } else if (request.mode === 'navigate') {
    event.respondWith(navigate(event, url));
  } else if (url.pathname.indexOf('/static/') === 0) {
    event.respondWith(caches.match(request, { cacheName: STATIC, ignoreVary: true }).then(function (kept) {
      return kept || fetch(request);
    }));
  }
});

/** Network first; a note form the person opened before comes from the phone; anything else: the offline page. */
function navigate(event, url) {
  var form = NOTE_FORM.test(url.pathname);
  return Promise.resolve(event.preloadResponse).then(function (preloaded) {
    return preloaded || fetch(event.request);
  }).then(function (response) {
    // Only the plain form: not a redirect (to the login page), not an error page, not one with a question ticked.
    if (form && !url.search && response.status === 200 && response.type === 'basic') {
      var copy = response.clone();
      event.waitUntil(caches.open(PAGES).then(function (cache) { return cache.put(url.pathname, copy); }));
    }
    return response;
  }).catch(function () {
    var kept = form ? caches.match(url.pathname, { cacheName: PAGES, ignoreVary: true }) : Promise.resolve(null);
    return kept.then(function (page) { return page ? withNewClientToken(page) : offline(); });
  });
}

/**
 * A kept form is shown again and again; each showing gets its own client token, or a second note written on it
 * would count as a repeat of the first and never be stored.
 */
function withNewClientToken(page) {
  return page.text().then(function (html) {
    return new Response(html.replace(/(name="clientToken" value=")[^"]*/, '$1' + Queue.newToken()), {
      headers: { 'Content-Type': 'text/html; charset=utf-8' }
    });
  });
}

function offline() {
  return Queue.prefs().then(function (prefs) {
    return caches.match(offlinePage(prefs.lang === 'en' ? 'en' : 'nl'), { cacheName: STATIC, ignoreVary: true });
  }).then(function (page) {
    return page || new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain' } });
  });
}

function offlinePage(lang) {
  return '/offline?lang=' + lang;
}

/**
 * A note form sent while the phone believes it is online but the post does not arrive: kept with its client
 * token (if the post did arrive after all, sending it again makes no second note), and the form shown again,
 * which lists it as waiting.
 */
function postNote(event, url) {
  var copy = event.request.clone();
  return fetch(event.request).catch(function (failure) {
    return Promise.all([copy.formData(), Queue.prefs()]).then(function (read) {
      if (!read[1].person) { throw failure; }
      return Queue.keep(Queue.fromForm(read[0], url.pathname, read[1].person));
    }).then(function () {
      return Response.redirect(url.pathname + '/new', 303);
    });
  });
}
