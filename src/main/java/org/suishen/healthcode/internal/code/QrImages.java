package org.suishen.healthcode.internal.code;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * QR images for channels that need a picture (not the hot path: the code page draws the QR in the
 * browser). Error correction M, quiet zone of 4 modules.
 */
@Component
public class QrImages {

  private static final int QUIET_ZONE = 4;

  public byte[] png(String text, int size) {
    var out = new ByteArrayOutputStream();
    try {
      MatrixToImageWriter.writeToStream(matrix(text, size), "PNG", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public String svg(String text) {
    BitMatrix m = matrix(text, 0);
    var path = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + m.getWidth()
        + " "
        + m.getHeight()
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  private static BitMatrix matrix(String text, int size) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              size,
              size,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  QUIET_ZONE));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode a QR code", e);
    }
  }
}
