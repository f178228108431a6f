// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Live pages (a session in progress) carry data-live with the URL of their event stream; when the
  // server says something changed, the page's live region is fetched again and swapped in place.
  // data-live-src names the page to fetch, for when the address bar shows a form's address instead.
  var live = document.querySelector('[data-live]');
  if (live && window.EventSource) {
    var source = new EventSource(live.getAttribute('data-live'));
    var opened = false;
    var refresh = function () {
      fetch(live.getAttribute('data-live-src') || window.location.href,
          { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var fresh = (live.id && page.getElementById(live.id)) || page.querySelector('[data-live]');
          if (fresh) { live.innerHTML = fresh.innerHTML; }
          // A page that no longer changes (a finished session) has no stream any more.
          if (fresh && !fresh.hasAttribute('data-live')) { source.close(); }
        });
    };
    source.onmessage = refresh;
    // After a dropped connection comes back, catch up on whatever changed in between.
    source.onopen = function () {
      if (opened) { refresh(); }
      opened = true;
    };
  }
})();
