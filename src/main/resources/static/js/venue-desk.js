/*
 * The venue staff's desk (templates/venues/desk.html): a code read by the phone's camera is
 * checked as if typed (the form posts it); changing the venue code asks first, as every printed
 * poster stops working.
 */
(function () {
  'use strict';

  var form = document.getElementById('check-form');
  var input = document.getElementById('check-input');
  var video = document.getElementById('camera');
  if (form && window.SuishenCamera && video) {
    window.SuishenCamera.attach({
      startButton: document.getElementById('camera-start'),
      stopButton: document.getElementById('camera-stop'),
      video: video,
      permission: document.getElementById('camera-permission'),
      decoderSrc: video.getAttribute('data-decoder-src'),
      onStart: function () {},
      onCode: function (code) {
        input.value = code;
        form.submit();
      },
      onError: function (code) {
        var status = document.getElementById('camera-status');
        status.textContent = status.getAttribute('data-' + code) || code;
        status.setAttribute('data-error', code);
        status.hidden = false;
      }
    });
  }

  var rotate = document.getElementById('rotate-form');
  if (rotate) {
    rotate.addEventListener('submit', function (event) {
      if (!window.confirm(rotate.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  }
})();
