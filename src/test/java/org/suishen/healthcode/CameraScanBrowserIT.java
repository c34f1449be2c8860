package org.suishen.healthcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.status.Colour;
import org.suishen.support.BrowserTest;
import org.suishen.support.MutableClock;

/**
 * The staff scan page reads a live code with the phone's camera: the camera films a real live code,
 * and the page decodes it with the vendored ZXing decoder (the path for browsers without {@code
 * BarcodeDetector}), then submits it like the scanner does.
 */
@HealthCodeIntegrationTest
class CameraScanBrowserIT extends BrowserTest {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;

  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CodeTokens tokens;

  private int lastTokenLength;

  void openScanPage(String query) {
    browser.manage().deleteAllCookies();
    open("/login/test-support/staff?user=venue-gate-7&role=VENUE_STAFF");
    open("/scan" + query);
  }

  void waitForVerdict(String verdict) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBe(By.id("decision-verdict"), verdict));
  }

  /**
   * Decoding camera frames takes the browser's CPU, which a loaded build machine (2 cores, the
   * application and the database beside it) gives slowly: a long wait, and on a timeout what the
   * camera did and what it showed, so that a failure says where it stopped.
   *
   * @return null on the verdict, else the report of what the camera showed
   */
  String cameraVerdictWithin(String verdict, Duration wait) {
    try {
      new WebDriverWait(browser, wait)
          .until(ExpectedConditions.textToBe(By.id("decision-verdict"), verdict));
      return null;
    } catch (org.openqa.selenium.TimeoutException e) {
      return "no verdict \""
          + verdict
          + "\" within "
          + wait.toSeconds()
          + " s; verdict \""
          + textOf(By.id("decision-verdict"))
          + "\", camera: "
          + cameraState()
          + ", decoding the current frame: "
          + currentFrame()
          + ", token of "
          + lastTokenLength
          + " chars";
    }
  }

  private Object cameraState() {
    return ((JavascriptExecutor) browser)
        .executeScript(
            "var v = document.getElementById('camera'),"
                + " s = document.getElementById('camera-status');"
                + " return 'decoder=' + v.getAttribute('data-decoder')"
                + " + ' readyState=' + v.readyState + ' size=' + v.videoWidth + 'x'"
                + " + v.videoHeight + ' paused=' + v.paused + ' frames=' + v.getAttribute('data-frames')"
                + " + ' lastError='"
                + " + v.getAttribute('data-last-error') + ' status=' + s.textContent;");
  }

  /**
   * What the decoder sees now: ZXing's own verdict on the frame, its luma range, a 64 x 24
   * character picture of it (a QR code, a test pattern or nothing, readable in the CI log) and the
   * frame as a PNG beside the reports.
   */
  private String currentFrame() {
    Object frame =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var v = document.getElementById('camera'), c = document.createElement('canvas');"
                    + " c.width = v.videoWidth; c.height = v.videoHeight;"
                    + " var g = c.getContext('2d'); g.drawImage(v, 0, 0);"
                    + " var verdict = 'no ZXing';"
                    + " if (window.ZXing) { try {"
                    + "   var src = new ZXing.HTMLCanvasElementLuminanceSource(c);"
                    + "   verdict = 'read ' + new ZXing.QRCodeReader().decode("
                    + "     new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(src))).getText().length"
                    + "     + ' chars';"
                    + " } catch (e) { verdict = String(e && e.name) + ': ' + String(e && e.message); } }"
                    + " var t = document.createElement('canvas'); t.width = 64; t.height = 24;"
                    + " var h = t.getContext('2d'); h.drawImage(v, 0, 0, 64, 24);"
                    + " var d = h.getImageData(0, 0, 64, 24).data, ramp = '@%#*+=-:. ', art = '',"
                    + "   lo = 255, hi = 0, rgb = '';"
                    + " for (var y = 0; y < 24; y++) { art += '\\n|';"
                    + "   for (var x = 0; x < 64; x++) { var i = (y * 64 + x) * 4,"
                    + "     l = (d[i] * 77 + d[i + 1] * 150 + d[i + 2] * 29) >> 8;"
                    + "     lo = Math.min(lo, l); hi = Math.max(hi, l);"
                    + "     art += ramp[Math.min(9, Math.floor(l / 25.6))]; } }"
                    + " var m = ((12 * 64) + 32) * 4; rgb = d[m] + ',' + d[m + 1] + ',' + d[m + 2];"
                    + " return [verdict + ', luma ' + lo + '..' + hi + ', centre rgb ' + rgb + art,"
                    + "   c.toDataURL('image/png')];");
    if (!(frame instanceof java.util.List<?> parts) || parts.size() != 2) {
      return "unknown";
    }
    String report = String.valueOf(parts.get(0));
    String png = String.valueOf(parts.get(1));
    try {
      Path out = Path.of("target", "camera-frame-" + System.currentTimeMillis() + ".png");
      Files.createDirectories(out.getParent());
      Files.write(out, java.util.Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1)));
      return report + "\n(frame in " + out + ")";
    } catch (IOException | IllegalArgumentException ignored) {
      return report + "\n(frame not saved)";
    }
  }

  /**
   * The scan page with the ZXing path and a camera that films the picture {@code png} in the middle
   * of a white 640 x 480 picture, the camera started. The camera is a canvas painted ten times a
   * second and handed to the page as the MediaStream {@code getUserMedia} answers: the page's whole
   * camera path runs (stream, video, frames, decoder, submit, tracks stopped).
   */
  void startCamera(byte[] png) throws Exception {
    restartBrowser("--use-fake-ui-for-media-stream");
    openScanPage("");
    type(By.id("scan-location"), "徐汇区图书馆 东门");
    visible(By.id("camera-start"));
    // the decoder fallback, as in Firefox, Safari and desktop Chromium: no BarcodeDetector
    ((JavascriptExecutor) browser).executeScript("delete window.BarcodeDetector;");
    assertThat(((JavascriptExecutor) browser).executeScript("return 'BarcodeDetector' in window"))
        .isEqualTo(false);
    ((JavascriptExecutor) browser)
        .executeScript(
            "var picture = new Image(), film = document.createElement('canvas');"
                + " film.width = arguments[1]; film.height = arguments[2];"
                + " var g = film.getContext('2d');"
                + " function paint() { g.fillStyle = '#fff'; g.fillRect(0, 0, film.width, film.height);"
                + "   if (picture.complete && picture.naturalWidth > 0) {"
                + "     g.drawImage(picture, (film.width - picture.naturalWidth) / 2,"
                + "       (film.height - picture.naturalHeight) / 2); } }"
                + " picture.onload = paint; picture.src = arguments[0]; setInterval(paint, 100);"
                + " navigator.mediaDevices.getUserMedia = function () {"
                + "   window.cameraAsked = (window.cameraAsked || 0) + 1;"
                + "   return Promise.resolve(film.captureStream(10)); };",
            "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png),
            WIDTH,
            HEIGHT);
    click(By.id("camera-start"));
  }

  @Test
  void thePageStatesTheCameraPermissionBeforeItIsAsked() {
    openScanPage("");
    assertThat(visible(By.id("camera-start")).getText()).isEqualTo("使用摄像头扫码");
    assertThat(textOf(By.id("camera-permission"))).contains("摄像头权限", "仅在扫码时使用摄像头", "只在本设备上");
    // nothing asked yet: no camera running, no message
    assertThat(browser.findElement(By.id("camera")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("camera-status")).isDisplayed()).isFalse();

    openScanPage("?lang=en");
    assertThat(visible(By.id("camera-start")).getText()).isEqualTo("Scan with the camera");
    assertThat(textOf(By.id("camera-permission")))
        .contains("camera permission", "only while scanning", "on this device");
  }

  @Test
  void theCameraReadsALiveCodeWithTheZxingDecoderAndTheDecisionIsGreen() throws Exception {
    var person = new HealthCodeFixtures(jdbc, clock).person();
    String token =
        tokens.issue(CodeType.LIVE, person.id(), null, Duration.ofMinutes(5), Colour.GREEN).token();
    lastTokenLength = token.length();
    // the platform's own picture of the code (QrImages: a mask that ZXing's detector reads back;
    // the writer's first choice fails for about one code in 150, which made this test flaky)
    startCamera(QrImages.png(token, 400));
    assertThat(cameraVerdictWithin("有效", Duration.ofSeconds(60))).isNull();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.cameraAsked"))
        .isEqualTo(1L);
    assertThat(browser.findElement(By.id("camera")).getAttribute("data-decoder"))
        .isEqualTo("zxing");
    assertThat(textOf(By.id("decision-colour"))).isEqualTo("绿码");
    assertThat(textOf(By.id("decision-name"))).isEqualTo("王*明");
    assertThat(textOf(By.id("decision-document"))).isEqualTo(person.maskedDocument());
    assertThat(visible(By.id("decision")).getCssValue("background-color"))
        .isEqualTo("rgba(26, 158, 75, 1)");
    // after the hit the camera is off: tracks ended, video hidden, the start button back
    assertThat(((JavascriptExecutor) browser).executeScript("return camera.srcObject === null"))
        .isEqualTo(true);
    assertThat(browser.findElement(By.id("camera")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("camera-stop")).isDisplayed()).isFalse();
    assertThat(visible(By.id("camera-start")).isEnabled()).isTrue();
    // recorded as a scan by this staff member at this place, like a scanner's
    Map<String, Object> record =
        jdbc.sql("SELECT scanner, location, result FROM scan_record WHERE person_id = ?")
            .param(person.id())
            .query()
            .singleRow();
    assertThat(record)
        .containsEntry("scanner", "staff:venue-gate-7")
        .containsEntry("location", "徐汇区图书馆 东门")
        .containsEntry("result", "ok");

    // the scanner keeps working next to the camera
    visible(By.id("scan-input")).sendKeys("not a code" + Keys.ENTER);
    waitForVerdict("无效");
  }

  @Test
  void aRefusedCameraSaysSoAndTheScannerKeepsWorking() throws Exception {
    restartBrowser("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream=deny");
    openScanPage("");
    click(By.id("camera-start"));

    assertThat(waitForText(By.id("camera-status"), "未获得摄像头权限")).contains("允许本网站使用摄像头", "扫码枪");
    assertThat(browser.findElement(By.id("camera-status")).getAttribute("data-error"))
        .isEqualTo("denied");
    assertThat(browser.findElement(By.id("camera")).isDisplayed()).isFalse();
    assertThat(visible(By.id("camera-start")).isEnabled()).isTrue();

    visible(By.id("scan-input")).sendKeys("not a code" + Keys.ENTER);
    waitForVerdict("无效");
  }
}
