/*
 * The NAT code page: draws the static code (data-token) as a QR code with the vendored library
 * (alphanumeric mode, error correction M, like the live code page), and asks before a new code
 * voids the current one.
 */
(function () {
  'use strict';

  var qrBox = document.getElementById('qr');
  if (qrBox && qrBox.getAttribute('data-token')) {
    var qr = qrcode(0, 'M');
    qr.addData(qrBox.getAttribute('data-token'), 'Alphanumeric');
    qr.make();
    qrBox.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true, alt: qrBox.getAttribute('aria-label') || '' });
  }

  var form = document.getElementById('generate-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      var question = form.getAttribute('data-confirm');
      if (question && !window.confirm(question)) {
        event.preventDefault();
      }
    });
  }
})();
