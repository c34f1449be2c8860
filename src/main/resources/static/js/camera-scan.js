/*
 * Camera QR scanning for staff pages (plain script, no bundler).
 *
 *   var camera = window.SuishenCamera.attach({
 *     startButton, stopButton, video,   // elements; the module shows and hides them
 *     permission,                       // optional: the line saying what the camera is used for
 *     decoderSrc,                       // URL of the fallback decoder (/js/vendor/zxing/zxing-library.min.js)
 *     onCode(text, path),               // a QR code was read; the camera is already stopped
 *     onError(code),                    // 'insecure' | 'denied' | 'no-camera' | 'busy' | 'failed'
 *     onStart(), onStop()               // optional
 *   });
 *   camera.stop();
 *
 * Decoding: the browser's own BarcodeDetector where it reads QR codes (Chrome on Android), otherwise
 * the ZXing decoder (@zxing/library, fetched from the npm registry by the build, pure JavaScript: no
 * WebAssembly, no worker, nothing from elsewhere), loaded on first use. Every ~200 ms one frame of
 * the video is decoded (drawn into a canvas for ZXing); nothing leaves the device. The camera is
 * stopped (its tracks ended) on a hit, on the stop button and when the page is hidden. The path
 * that ran is on the video as data-decoder="barcode-detector" or "zxing".
 *
 * The camera button is offered wherever navigator.mediaDevices.getUserMedia exists; outside a
 * secure context (plain HTTP, not localhost) browsers withhold it, and onError('insecure') says why.
 */
(function () {
  'use strict';

  var FRAME_INTERVAL_MS = 200;
  // decoding cost grows with the pixels: larger frames are scaled down to this longer side
  var MAX_DECODE_SIDE = 800;

  function cameraAvailable() {
    return !!(navigator.mediaDevices && typeof navigator.mediaDevices.getUserMedia === 'function');
  }

  /** A decoder from the browser's BarcodeDetector, or null where it cannot read QR codes. */
  function nativeDecoder() {
    var Detector = window.BarcodeDetector;
    if (typeof Detector !== 'function' || typeof Detector.getSupportedFormats !== 'function') {
      return Promise.resolve(null);
    }
    return Detector.getSupportedFormats()
      .then(function (formats) {
        if (formats.indexOf('qr_code') < 0) {
          return null;
        }
        var detector = new Detector({ formats: ['qr_code'] });
        return {
          path: 'barcode-detector',
          decode: function (video) {
            return detector.detect(video).then(function (codes) {
              return codes.length ? codes[0].rawValue : null;
            });
          }
        };
      })
      .catch(function () {
        return null;
      });
  }

  var zxingLoading = null;

  function loadZxing(src) {
    if (window.ZXing && window.ZXing.QRCodeReader) {
      return Promise.resolve(window.ZXing);
    }
    if (!zxingLoading) {
      zxingLoading = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = src;
        script.async = true;
        script.onload = function () {
          if (window.ZXing && window.ZXing.QRCodeReader) {
            resolve(window.ZXing);
          } else {
            reject(new Error('the QR decoder did not load'));
          }
        };
        script.onerror = function () {
          reject(new Error('the QR decoder did not load'));
        };
        document.head.appendChild(script);
      });
      zxingLoading.catch(function () {
        zxingLoading = null; // try again on the next start
      });
    }
    return zxingLoading;
  }

  /** The ZXing QR decoder over frames drawn into a canvas. */
  function zxingDecoder(src) {
    return loadZxing(src).then(function (ZXing) {
      var reader = new ZXing.QRCodeReader();
      var hints = new Map();
      hints.set(ZXing.DecodeHintType.TRY_HARDER, true);
      var canvas = document.createElement('canvas');
      var context = canvas.getContext('2d', { willReadFrequently: true });
      var luminances = null;
      return {
        path: 'zxing',
        decode: function (video) {
          var width = video.videoWidth;
          var height = video.videoHeight;
          if (!width || !height) {
            return Promise.resolve(null);
          }
          var scale = Math.min(1, MAX_DECODE_SIDE / Math.max(width, height));
          width = Math.round(width * scale);
          height = Math.round(height * scale);
          if (canvas.width !== width || canvas.height !== height || !luminances) {
            canvas.width = width;
            canvas.height = height;
            luminances = new Uint8ClampedArray(width * height);
          }
          context.drawImage(video, 0, 0, width, height);
          var rgba = context.getImageData(0, 0, width, height).data;
          for (var i = 0, p = 0; p < luminances.length; i += 4, p++) {
            luminances[p] = (rgba[i] * 77 + rgba[i + 1] * 150 + rgba[i + 2] * 29) >> 8;
          }
          var bitmap = new ZXing.BinaryBitmap(
            new ZXing.HybridBinarizer(new ZXing.RGBLuminanceSource(luminances, width, height)));
          try {
            return Promise.resolve(reader.decode(bitmap, hints).getText());
          } catch (e) {
            return Promise.resolve(null); // no readable code in this frame
          } finally {
            reader.reset();
          }
        }
      };
    });
  }

  function chooseDecoder(src) {
    return nativeDecoder().then(function (decoder) {
      return decoder || zxingDecoder(src);
    });
  }

  /** The page's word for a failure of getUserMedia or of the decoder. */
  function errorCode(error) {
    var name = error && error.name;
    if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError') {
      return window.isSecureContext === false ? 'insecure' : 'denied';
    }
    if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') {
      return 'no-camera';
    }
    if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') {
      return 'busy';
    }
    return 'failed';
  }

  function attach(options) {
    var startButton = options.startButton;
    var stopButton = options.stopButton;
    var video = options.video;
    var permission = options.permission || null;
    var noop = function () {};
    var onCode = options.onCode || noop;
    var onError = options.onError || noop;
    var onStart = options.onStart || noop;
    var onStop = options.onStop || noop;
    var stream = null;
    var timer = null;
    // every start is a session; what an older one finishes late is dropped
    var session = 0;
    var running = false;

    function release() {
      if (timer) {
        window.clearTimeout(timer);
        timer = null;
      }
      if (stream) {
        stream.getTracks().forEach(function (track) {
          track.stop();
        });
        stream = null;
      }
      video.pause();
      video.srcObject = null;
      video.hidden = true;
      stopButton.hidden = true;
      startButton.hidden = false;
      startButton.disabled = false;
    }

    function stop() {
      var wasRunning = running;
      session++;
      running = false;
      release();
      if (wasRunning) {
        onStop();
      }
    }

    function scanLoop(current, decoder) {
      if (current !== session) {
        return;
      }
      var frame;
      // frames tried so far, on the video for diagnosis (a camera that runs but reads nothing)
      video.setAttribute('data-frames', String(Number(video.getAttribute('data-frames') || 0) + 1));
      try {
        frame = decoder.decode(video);
      } catch (e) {
        // a frame that threw before it was decoded: the loop goes on (a camera that runs but has
        // stopped reading would leave the staff waiting in front of a queue)
        frame = Promise.reject(e);
      }
      frame
        .catch(function (e) {
          // a frame that could not be read; what went wrong is kept on the video for diagnosis
          video.setAttribute('data-last-error', String((e && e.name) || e));
          return null;
        })
        .then(function (text) {
          if (current !== session) {
            return;
          }
          if (text) {
            stop();
            onCode(text, decoder.path);
            return;
          }
          timer = window.setTimeout(function () {
            scanLoop(current, decoder);
          }, FRAME_INTERVAL_MS);
        });
    }

    function start() {
      if (running) {
        return;
      }
      var current = ++session;
      running = true;
      startButton.disabled = true;
      video.removeAttribute('data-decoder');
      video.removeAttribute('data-frames');
      var media = navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false
      });
      Promise.all([media, chooseDecoder(options.decoderSrc)])
        .then(function (ready) {
          if (current !== session) {
            ready[0].getTracks().forEach(function (track) {
              track.stop();
            });
            return null;
          }
          stream = ready[0];
          video.srcObject = stream;
          video.setAttribute('data-decoder', ready[1].path);
          video.hidden = false;
          startButton.hidden = true;
          startButton.disabled = false;
          stopButton.hidden = false;
          onStart();
          return video.play().then(function () {
            scanLoop(current, ready[1]);
          });
        })
        .catch(function (error) {
          // a camera granted while the decoder failed is released too
          media.then(function (granted) {
            granted.getTracks().forEach(function (track) {
              track.stop();
            });
          }, noop);
          if (current !== session) {
            return;
          }
          stop();
          onError(errorCode(error));
        });
    }

    if (cameraAvailable()) {
      startButton.hidden = false;
      if (permission) {
        permission.hidden = false;
      }
      startButton.addEventListener('click', start);
      stopButton.addEventListener('click', stop);
      // the camera is never left on behind the staff's back
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'hidden') {
          stop();
        }
      });
      window.addEventListener('pagehide', stop);
    } else if (window.isSecureContext === false) {
      onError('insecure');
    }
    return { stop: stop, available: cameraAvailable() };
  }

  window.SuishenCamera = { attach: attach };
})();
