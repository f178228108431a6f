// The live session console, loaded by the session page only. Progressive enhancement: without this file every
// form posts and the page comes back; with it the page follows the session's event stream and applies the
// facilitator's actions in place.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || !live.hasAttribute('data-live') || !window.EventSource || !window.fetch) { return; }
  var announcer = document.getElementById('live-announcer');
  var connection = document.getElementById('live-connection');
  var source = null;
  var revision = revisionOf(live);
  var ticker = null;
  var dropped = false;
  var sending = {};

  // How new the session in a console is: every write to the session raises it.
  function revisionOf(part) { return Number(part.getAttribute('data-revision')) || 0; }

  // The part is fetched again and swapped in; what a person is typing or has focused survives the swap.
  function swap(page, submitted) {
    var fresh = page.getElementById('live');
    if (!fresh) { return false; }
    var kept = typed(submitted);
    var focus = focused(submitted);
    var before = live.getAttribute('data-announce');
    live.innerHTML = fresh.innerHTML;
    live.setAttribute('data-announce', fresh.getAttribute('data-announce') || '');
    live.setAttribute('data-revision', fresh.getAttribute('data-revision') || '');
    revision = revisionOf(fresh);
    restore(kept);
    refocus(focus);
    if (submitted) { showFormError(page); }
    var now = live.getAttribute('data-announce');
    if (now && now !== before) { announce(now); }
    countDown();
    if (!fresh.hasAttribute('data-live')) {
      live.removeAttribute('data-live');
      stop();
    }
    return true;
  }

  function key(form) { return form.getAttribute('data-form'); }

  // The fields changed by hand in forms other than those being sent, to be put back after the swap.
  function typed(submitted) {
    var kept = [];
    Array.prototype.forEach.call(live.querySelectorAll('form[data-form]'), function (form) {
      if (form === submitted || sending[key(form)]) { return; }
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name || field.type === 'hidden') { return; }
        var changed = field.type === 'checkbox' || field.type === 'radio' ? field.checked !== field.defaultChecked
          : field.tagName === 'SELECT' ? Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; })
          : field.value !== field.defaultValue;
        if (changed) {
          kept.push({ form: key(form), name: field.name, value: field.value, checked: field.checked, type: field.type });
        }
      });
    });
    return kept;
  }

  function fieldIn(formKey, name, value, type) {
    var form = live.querySelector('form[data-form="' + formKey + '"]');
    if (!form) { return null; }
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name === name && (type !== 'checkbox' && type !== 'radio' || field.value === value);
    })[0] || null;
  }

  function restore(kept) {
    kept.forEach(function (k) {
      var field = fieldIn(k.form, k.name, k.value, k.type);
      if (!field) { return; }
      if (k.type === 'checkbox' || k.type === 'radio') { field.checked = k.checked; } else { field.value = k.value; }
    });
  }

  // Where the focus was (a field, or the button of the form just sent), so it can be put back after the swap.
  function focused(submitted) {
    var active = document.activeElement;
    var form = submitted || (active && active.form);
    if (!form || !live.contains(form) || !key(form)) { return null; }
    var section = form.closest('section');
    return { form: key(form), name: active && active.form === form ? active.name : null,
      value: active && active.value, type: active && active.type, submitted: !!submitted,
      section: section && section.id };
  }

  function refocus(focus) {
    if (!focus) { return; }
    var form = live.querySelector('form[data-form="' + focus.form + '"]');
    var target = null;
    if (form && focus.name) {
      target = fieldIn(focus.form, focus.name, focus.value, focus.type);
    }
    if (form && !target) {
      target = focus.submitted && form.querySelector('[aria-invalid="true"]') || form.querySelector('button, [type=submit]');
    }
    if (!target && focus.section) {
      target = live.querySelector('#' + focus.section + ' h2');
    }
    if (target) { target.focus(); }
  }

  // A refusal's error summary is shown at the top of the page, as without JavaScript (it announces itself).
  function showFormError(page) {
    var old = document.querySelector('main > .error-summary');
    if (old) { old.parentNode.removeChild(old); }
    var fresh = page.querySelector('main > .error-summary');
    if (fresh) {
      var main = document.querySelector('main');
      main.insertBefore(document.importNode(fresh, true), main.firstChild);
    }
  }

  // A form's answer read before what the page shows now: only the form's refusal is taken from it (the form with
  // its errors and what was sent), the rest of the console stays as new as it is.
  function refusal(page, submitted) {
    if (!page.querySelector('main > .error-summary')) { return; }
    var selector = 'form[data-form="' + key(submitted) + '"]';
    var fresh = page.querySelector('#live ' + selector);
    var shown = live.querySelector(selector);
    if (fresh && shown) {
      var form = document.importNode(fresh, true);
      shown.parentNode.replaceChild(form, shown);
      var target = form.querySelector('[aria-invalid="true"]') || form.querySelector('button, [type=submit]');
      if (target) { target.focus(); }
    }
    showFormError(page);
  }

  function announce(text) {
    if (!announcer) { return; }
    // Emptied first, so the same sentence twice is still read twice.
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function parse(html) { return new DOMParser().parseFromString(html, 'text/html'); }

  // Answers may arrive in any order, and a refresh started after a form was sent may have been read on the
  // server before that form's change: the session's revision, not the order of the requests, says which answer
  // is newer. One older than the page is not swapped in (of a form's answer only its refusal is shown); one as
  // new or newer is. An answer without the console is shown as the browser would without this file: a page it
  // was sent on to (the login page) is opened, an error page shown whole.
  function load(request, submitted) {
    return request.then(function (response) {
      return response.text().then(function (html) {
        var page = parse(html);
        var fresh = page.getElementById('live');
        if (fresh && revisionOf(fresh) < revision) {
          if (submitted) { refusal(page, submitted); }
          return;
        }
        if (swap(page, submitted)) { return; }
        stop();
        if (response.redirected) {
          window.location.assign(response.url);
        } else {
          document.open();
          document.write(html);
          document.close();
        }
      });
    });
  }

  function refresh() {
    load(fetch(live.getAttribute('data-live-src') || window.location.href,
      { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })).catch(function () { /* the next event tries again */ });
  }

  // A form in the console is sent in the background and the page it answers with is swapped in. Without a
  // connection nothing was sent: the form stays as it is, to be sent again, and the page says it reconnects.
  live.addEventListener('submit', function (event) {
    var form = event.target;
    if (!key(form) || form.method.toLowerCase() !== 'post') { return; }
    event.preventDefault();
    var buttons = form.querySelectorAll('button');
    var enable = function (on) { Array.prototype.forEach.call(buttons, function (b) { b.disabled = !on; }); };
    enable(false);
    sending[key(form)] = true;
    load(fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin', headers: { 'Accept': 'text/html' } }), form)
      .catch(function () {
        enable(true);
        reconnecting(true);
      })
      .then(function () { delete sending[key(form)]; });
  });

  // The stage timer counts down to the end the server set, measured on the server's clock.
  function countDown() {
    if (ticker) { window.clearInterval(ticker); ticker = null; }
    var timer = live.querySelector('.stage-timer');
    if (!timer) { return; }
    var skew = Date.parse(timer.getAttribute('data-now')) - Date.now();
    var ends = Date.parse(timer.getAttribute('data-ends-at'));
    if (timer.classList.contains('over')) { return; }
    var countdown = timer.querySelector('.countdown');
    var tick = function () {
      var left = Math.max(0, Math.round((ends - Date.now() - skew) / 1000));
      countdown.hidden = false;
      if (left === 0) {
        countdown.textContent = timer.getAttribute('data-over');
        timer.classList.add('over');
        announce(timer.getAttribute('data-over'));
        window.clearInterval(ticker);
        ticker = null;
        return;
      }
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      countdown.textContent = timer.getAttribute('data-left')
        .replace('%s', minutes + ':' + (seconds < 10 ? '0' : '') + seconds);
    };
    ticker = window.setInterval(tick, 1000);
    tick();
  }

  function reconnecting(on) {
    if (!connection) { return; }
    connection.textContent = on ? connection.getAttribute('data-reconnecting') : '';
    connection.classList.toggle('down', on);
  }

  function stop() {
    if (source) { source.close(); source = null; }
    reconnecting(false);
  }

  // EventSource tries again by itself after a dropped connection (the server asks for 2 s); after a refusal
  // (a proxy's error page) it gives up, so a new one is opened. Whatever changed meanwhile is fetched on return.
  function follow() {
    source = new EventSource(live.getAttribute('data-live'));
    source.onmessage = refresh;
    source.onopen = function () {
      reconnecting(false);
      if (dropped) { refresh(); }
      dropped = false;
    };
    source.onerror = function () {
      reconnecting(true);
      dropped = true;
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        window.setTimeout(function () { if (live.hasAttribute('data-live')) { follow(); } }, 5000);
      }
    };
  }

  countDown();
  follow();
})();
