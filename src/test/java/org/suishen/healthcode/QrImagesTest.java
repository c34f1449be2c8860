package org.suishen.healthcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The one QR encoder: each of its pictures reads back as the token, quiet zone included. */
class QrImagesTest {

  static final String TOKEN = "SSC:" + "6BFOXN*TS0BI$ZDFRH".repeat(10).substring(0, 164);

  @Test
  void thePngReadsBackAsTheToken() throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrImages.png(TOKEN, 300)));
    assertThat(image.getWidth()).isBetween(300, 400);
    assertThat(decode(image)).isEqualTo(TOKEN);
  }

  @Test
  void theGreyBitmapHasOnePixelPerModuleLightAsOneAndAQuietZone() throws Exception {
    var qr = QrImages.greyBitmap(TOKEN);
    // version 7 (45 modules) at error correction M, plus 4 modules of quiet zone on each side
    assertThat(qr.width()).isEqualTo(45 + 8).isEqualTo(qr.height());
    int stride = (qr.width() + 7) / 8;
    assertThat(qr.bits()).hasSize(stride * qr.height());
    // scaled up 8 times: 1 is light, 0 dark, most significant bit first
    int scale = 8;
    var image =
        new BufferedImage(qr.width() * scale, qr.height() * scale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < qr.height(); y++) {
      for (int x = 0; x < qr.width(); x++) {
        boolean light = (qr.bits()[y * stride + x / 8] & (0x80 >>> (x % 8))) != 0;
        if (y < 4 || x < 4 || y >= qr.height() - 4 || x >= qr.width() - 4) {
          assertThat(light).as("quiet zone at %d,%d", x, y).isTrue();
        }
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            image.setRGB(x * scale + dx, y * scale + dy, light ? 0xffffff : 0);
          }
        }
      }
    }
    assertThat(decode(image)).isEqualTo(TOKEN);
  }

  @Test
  void theSvgHasOneUnitPerModule() {
    String svg = QrImages.svg(TOKEN);
    assertThat(svg).startsWith("<svg").contains("viewBox=\"0 0 53 53\"").contains("crispEdges");
  }

  /**
   * A token whose matrix under ZXing's preferred mask fools ZXing's own detector at every scale (a
   * checksum failure on a perfect picture; about one token in 300): the encoder takes a mask that
   * reads back.
   */
  static final String DETECTOR_FOOLING_TOKEN =
      "SSC:4P GVPMSK6I53 AP+LJ30V6KNF18BQQ03RQJ2VOT60%M32O/V%% -H1H6JYO$946K0:XH+F+VV78/VLE+ZR0NZEB"
          + "+/VVB62DA8XEY-HUN57 SOYT7*RVMTL/XRX$LK Q D.7JN8S90R:X+2/1S%2JY:LPSB2*H+KZ3 O";

  @Test
  void aTokenThatFoolsTheDetectorUnderTheUsualMaskIsDrawnWithOneThatReadsBack() throws Exception {
    for (int size : new int[] {300, 570, 1000}) {
      BufferedImage image =
          ImageIO.read(new ByteArrayInputStream(QrImages.png(DETECTOR_FOOLING_TOKEN, size)));
      var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
      assertThat(new QRCodeReader().decode(bitmap).getText())
          .as("read by the detector at %d px", size)
          .isEqualTo(DETECTOR_FOOLING_TOKEN);
    }
  }

  private static String decode(BufferedImage image) throws Exception {
    var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    return new QRCodeReader()
        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
