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
