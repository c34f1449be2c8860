// Checks a household-register page before it is uploaded (the server checks again): size and type.
(function () {
  'use strict';
  // removing a binding asks first (without JavaScript the form simply submits)
  Array.prototype.forEach.call(document.querySelectorAll('form[data-confirm]'), function (f) {
    f.addEventListener('submit', function (event) {
      if (!window.confirm(f.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
  var form = document.getElementById('bind-form');
  if (!form) { return; }
  var input = document.getElementById('evidence');
  var message = document.getElementById('evidence-error');
  var max = parseInt(form.getAttribute('data-max-bytes'), 10);
  var types = ['image/jpeg', 'image/png', 'application/pdf'];

  function problem() {
    var file = input.files && input.files[0];
    if (!file) { return null; }
    if (file.size > max) { return form.getAttribute('data-too-large'); }
    if (file.type && types.indexOf(file.type) < 0) { return form.getAttribute('data-wrong-type'); }
    return null;
  }

  function show(text) {
    message.textContent = text || '';
    message.hidden = !text;
  }

  input.addEventListener('change', function () { show(problem()); });
  form.addEventListener('submit', function (event) {
    var text = problem();
    if (text) {
      event.preventDefault();
      show(text);
      return;
    }
    var button = document.getElementById('bind-submit');
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
  });
})();
