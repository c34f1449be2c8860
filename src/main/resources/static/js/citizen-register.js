(function () {
  'use strict';
  var form = document.getElementById('register-form');
  if (!form) { return; }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.Suishen.clearError();
    var body = {
      documentType: form.querySelector('#document-type').value,
      documentNumber: form.querySelector('#document-number').value,
      name: form.querySelector('#name').value
    };
    window.Suishen.postJson('/api/me/identity', body).then(function (r) {
      if (r.ok) {
        form.hidden = true;
        document.getElementById('registered-name').textContent = r.data.name || '';
        document.getElementById('registered-document').textContent = r.data.documentNumber || '';
        document.getElementById('registered').hidden = false;
        document.getElementById('next-step').hidden = false;
      } else {
        window.Suishen.showError(r.data, form.dataset.network);
      }
    }).catch(function () { window.Suishen.showError(null, form.dataset.network); });
  });
})();
