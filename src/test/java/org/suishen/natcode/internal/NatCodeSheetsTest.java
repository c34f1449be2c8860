package org.suishen.natcode.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Role;

class NatCodeSheetsTest {

  static final String TOKEN = "SSC:" + "6BFOXN*TS0BI$ZDFRH".repeat(10).substring(0, 164);

  final NatCodeSheets sheets =
      new NatCodeSheets(
          new NatCodeProperties(
              Duration.ofDays(30),
              Set.of(Role.SAMPLER),
              new NatCodeProperties.Feed(16, 1000, Duration.ofSeconds(30)),
              new NatCodeProperties.Pdf("")),
          Clock.system(ZoneId.of("Asia/Shanghai")));

  static NatCode code() {
    var credential =
        new NatCredential(
            UUID.randomUUID(),
            UUID.randomUUID(),
            Instant.parse("2026-04-09T02:00:00Z"),
            Instant.parse("2026-05-09T02:00:00Z"),
            null,
            1,
            "刘*轩",
            "3101**********1234");
    return new NatCode(credential, TOKEN);
  }

  @Test
  void bothSizesCarryTheQrCodeTheMaskedNameAndTheExpiryInTheCitysTime() throws Exception {
    for (SheetSize size : SheetSize.values()) {
      byte[] pdf = sheets.render(code(), size);
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
      try (var document = Loader.loadPDF(pdf)) {
        assertThat(document.getNumberOfPages()).isEqualTo(1);
        String text = new PDFTextStripper().getText(document);
        assertThat(text).contains("核酸码", "NAT code", "刘*轩", "2026-05-09", "10:00");
        var image = new PDFRenderer(document).renderImageWithDPI(0, 300);
        String decoded =
            new QRCodeReader()
                .decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
        assertThat(decoded).isEqualTo(TOKEN);
      }
    }
  }

  @Test
  void theQrImageHasOnePixelPerModuleAndAQuietZone() {
    var image = NatCodeSheets.qrImage(TOKEN);
    // 168 alphanumeric characters at error correction M: version 7 (45 modules) + 2 × 4 quiet zone
    assertThat(image.getWidth()).isEqualTo(53);
    assertThat(image.getHeight()).isEqualTo(53);
  }

  @Test
  void theSizeParameterIsStrict() {
    assertThat(SheetSize.of(null)).isEqualTo(SheetSize.A4);
    assertThat(SheetSize.of(" card ")).isEqualTo(SheetSize.CARD);
    for (String bad : new String[] {"A3", "letter", "A4;", "ＣＡＲＤ"}) {
      assertThatThrownBy(() -> SheetSize.of(bad))
          .isInstanceOfSatisfying(
              SuishenException.class, e -> assertThat(e.code()).isEqualTo("natcode.pdf.size"));
    }
  }
}
