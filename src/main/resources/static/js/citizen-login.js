(function () {
  'use strict';
  var form = document.getElementById('login-form');
  if (!form) { return; }
  window.Suishen.codeForm(form, '/api/login/otp', '/api/login', function (answer) {
    window.location.assign(answer.next || '/me');
  });
})();
