// The appeal form on /me/appeals: shows only the field that belongs to the chosen kind, and checks
// the number and size of the files before anything is uploaded (the server checks again).
(function () {
  'use strict';
  var form = document.getElementById('appeal-form');
  if (!form) {
    return;
  }
  var check = document.getElementById('form-check');
  var files = document.getElementById('files');

  function chosenKind() {
    var chosen = form.querySelector('input[name="kind"]:checked');
    return chosen ? chosen.value : null;
  }

  function showFieldsOfKind() {
    var kind = chosenKind();
    form.querySelectorAll('.kind-field').forEach(function (field) {
      field.hidden = kind !== null && field.getAttribute('data-kind') !== kind;
    });
  }

  function refuse(message) {
    check.textContent = message;
    check.hidden = false;
    check.scrollIntoView({ block: 'center' });
  }

  form.querySelectorAll('input[name="kind"]').forEach(function (radio) {
    radio.addEventListener('change', showFieldsOfKind);
  });
  showFieldsOfKind();

  form.addEventListener('submit', function (event) {
    check.hidden = true;
    var maxFiles = Number(form.getAttribute('data-max-files'));
    var maxBytes = Number(form.getAttribute('data-max-bytes'));
    var chosen = files && files.files ? Array.prototype.slice.call(files.files) : [];
    if (chosen.length > maxFiles) {
      event.preventDefault();
      refuse(form.getAttribute('data-msg-too-many'));
      return;
    }
    var tooLarge = chosen.filter(function (f) { return f.size > maxBytes; })[0];
    if (tooLarge) {
      event.preventDefault();
      refuse(form.getAttribute('data-msg-too-large').replace('%s', tooLarge.name));
    }
  });
})();
