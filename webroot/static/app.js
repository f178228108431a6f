// Progressive enhancement only: every page works without this file.
// The live session console (a session's page following its event stream) is in live.js, which only the
// session page loads.

// Forms that help (issue 13.5): a link in the error summary puts the cursor in its field, also when the link
// points at a group of choices (a fieldset), where the browser alone would only scroll.
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('.error-summary a[href^="#"]');
  var target = link && document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
  var field = target && (target.matches('input, select, textarea') ? target
    : target.querySelector('input:not([type=hidden]), select, textarea'));
  if (field) {
    event.preventDefault();
    // The field's question (its label, or the group's legend) stays in sight above it.
    var question = target.matches('fieldset') ? target.querySelector('legend')
      : field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    field.focus({ preventScroll: true });
    (question || field).scrollIntoView();
    history.replaceState(null, '', link.getAttribute('href'));
  }
});

// One-time tokens (issue 13.2): a form that creates something carries a token made when the page was shown, so
// that the same form sent twice makes one item. Back on such a form after sending it, the browser asks for the
// page anew (no page is kept, see SecurityHeaders) and gets a new token, but puts back what was typed: sent
// again, it would make a second item. So the page remembers in its own history entry the token it sent, and with
// what; the same form sent again unchanged from that entry goes with that token and leads to the first item,
// while a form changed in between is another item. Before any other script reads the form (upload.js, live.js,
// offline.js), so that they send the token chosen here.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var token = form.querySelector('input[name="clientToken"]');
  if (!token || !window.history) { return; }
  var typed = [];
  new FormData(form).forEach(function (value, name) {
    if (name !== '_csrf' && name !== 'clientToken') {
      typed.push([name, typeof value === 'string' ? value : value.name + ' ' + value.size]);
    }
  });
  typed = JSON.stringify(typed);
  var state = history.state && typeof history.state === 'object' ? history.state : {};
  var sent = Object.assign({}, state.clientTokens);
  var action = form.getAttribute('action');
  if (sent[action] && sent[action].typed === typed) {
    token.value = sent[action].token;
  }
  sent[action] = { token: token.value, typed: typed };
  history.replaceState(Object.assign({}, state, { clientTokens: sent }), '');
}, true);
