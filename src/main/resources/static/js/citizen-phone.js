(function () {
  'use strict';
  var form = document.getElementById('phone-form');
  if (!form) { return; }
  window.Suishen.codeForm(form, '/api/me/phone/otp', '/api/me/phone', function (account) {
    document.getElementById('current-phone').textContent = account.phone;
    form.hidden = true;
    window.Suishen.showNotice(form.dataset.done);
  });
})();
