package org.suishen.healthcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import org.jspecify.annotations.Nullable;

/**
 * The one QR encoder for code tokens (ZXing, error correction M, quiet zone of 4 modules), for
 * channels that need a picture: the image endpoints of the live code and the printed NAT code.
 * Never on the hot path (LIMITS: ~300 PNGs per second and core): the code pages draw the QR in the
 * browser.
 */
public final class QrImages {

  private static final int QUIET_ZONE = 4;
  private static final int CHECK_SCALE = 4;

  private QrImages() {}

  /** A PNG of about {@code size} pixels square. */
  public static byte[] png(String text, int size) {
    var out = new ByteArrayOutputStream();
    try {
      MatrixToImageWriter.writeToStream(matrix(text, size), "PNG", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An SVG of one unit per module, crisp at any size. */
  public static String svg(String text) {
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

  /**
   * The modules as a 1-bit grey bitmap, one pixel per module, quiet zone included: rows of {@code
   * (width + 7) / 8} bytes, most significant bit first, 1 for a light module (PDF DeviceGray).
   */
  public static GreyBitmap greyBitmap(String text) {
    BitMatrix matrix = matrix(text, 0);
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    int stride = (width + 7) / 8;
    byte[] bits = new byte[stride * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (!matrix.get(x, y)) {
          bits[y * stride + x / 8] |= (byte) (0x80 >>> (x % 8));
        }
      }
    }
    return new GreyBitmap(width, height, bits);
  }

  /** A 1-bit grey bitmap of {@link #greyBitmap}. */
  public record GreyBitmap(int width, int height, byte[] bits) {}

  /**
   * The matrix ZXing chooses (mask by its penalty score), unless ZXing's own detector cannot find
   * it again: about one token in 300 gives a matrix whose data modules fool the detector at every
   * scale (a checksum failure on a perfect image), so the first mask pattern that reads back is
   * taken.
   */
  private static BitMatrix matrix(String text, int size) {
    Integer[] masks = {null, 0, 1, 2, 3, 4, 5, 6, 7};
    for (Integer mask : masks) {
      BitMatrix modules = encode(text, 0, mask);
      if (readsBack(text, modules)) {
        return size == 0 ? modules : encode(text, size, mask);
      }
    }
    return encode(text, size, null);
  }

  /**
   * Whether a scanner's detector (not the pure-barcode shortcut) reads the modules, drawn {@link
   * #CHECK_SCALE} pixels to the module, as the text.
   */
  private static boolean readsBack(String text, BitMatrix modules) {
    int width = modules.getWidth() * CHECK_SCALE;
    int height = modules.getHeight() * CHECK_SCALE;
    var picture = new BitMatrix(width, height);
    for (int y = 0; y < modules.getHeight(); y++) {
      for (int x = 0; x < modules.getWidth(); x++) {
        if (modules.get(x, y)) {
          picture.setRegion(x * CHECK_SCALE, y * CHECK_SCALE, CHECK_SCALE, CHECK_SCALE);
        }
      }
    }
    var source = new BufferedImageLuminanceSource(MatrixToImageWriter.toBufferedImage(picture));
    try {
      return new QRCodeReader()
          .decode(new BinaryBitmap(new HybridBinarizer(source)))
          .getText()
          .equals(text);
    } catch (ReaderException e) {
      return false;
    }
  }

  private static BitMatrix encode(String text, int size, @Nullable Integer mask) {
    var hints = new EnumMap<EncodeHintType, Object>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
    if (mask != null) {
      hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
    }
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode a QR code", e);
    }
  }
}
