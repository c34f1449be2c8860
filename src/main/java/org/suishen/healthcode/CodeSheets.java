package org.suishen.healthcode;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;
import org.suishen.shared.print.PrintFonts;

/**
 * The printed codes (the NAT code, N3; the offline code, O8): the QR code (ZXing, error correction
 * M, one image pixel per module, drawn without interpolation so it stays sharp at any printer
 * resolution), the code's mark, the holder's name and the expiry in large type, the document number
 * masked and the issue time. A4 page or ID-1 card. The Chinese text is drawn with the embedded
 * print font ({@link PrintFonts}: a subset travels in each PDF), so it prints the same where no
 * Chinese font is installed. Rendering takes a few milliseconds (docs/natcode.md).
 */
@Component
public class CodeSheets {

  /**
   * What a sheet shows.
   *
   * @param mark the code's mark in Chinese ("核酸码", "离线随申码"), printed prominently
   * @param markEn the mark in English
   * @param issuedLabel the label of the issue time ("生成时间 Issued", "申领时间 Applied")
   * @param note one line in Chinese under the code, and {@code noteEn} its English
   */
  public record Sheet(
      String mark,
      String markEn,
      String name,
      String maskedDocument,
      Instant issuedAt,
      Instant expiresAt,
      String token,
      String issuedLabel,
      String note,
      String noteEn) {}

  private static final float MM = 72f / 25.4f;
  private static final Rectangle CARD = new Rectangle(85.6f * MM, 54f * MM);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final PrintFonts fonts;
  private final ZoneId zone;

  public CodeSheets(PrintFonts fonts, Clock clock) {
    this.fonts = fonts;
    this.zone = clock.getZone();
  }

  /** The sheet as a PDF: an A4 page, or a card of ID-1 size when {@code card}. */
  public byte[] render(Sheet sheet, boolean card) {
    var out = new ByteArrayOutputStream(16 * 1024);
    Rectangle page = card ? CARD : PageSize.A4;
    var document = new Document(page, 0, 0, 0, 0);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle(sheet.mark() + " " + sheet.markEn());
      document.addCreator("Suishen");
      document.open();
      PdfContentByte canvas = writer.getDirectContent();
      Image qr = qrImage(sheet.token());
      if (card) {
        card(canvas, page, qr, sheet);
      } else {
        a4(canvas, page, qr, sheet);
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot render the code sheet", e);
    }
    return out.toByteArray();
  }

  private void a4(PdfContentByte canvas, Rectangle page, Image qr, Sheet sheet)
      throws DocumentException {
    float centre = page.getWidth() / 2;
    float qrSize = 100 * MM;
    text(canvas, sheet.mark() + " " + sheet.markEn(), centre, page.getHeight() - 90, 34, true);
    text(canvas, sheet.name(), centre, page.getHeight() - 150, 40, true);
    text(canvas, sheet.maskedDocument(), centre, page.getHeight() - 180, 14, false);
    float qrBottom = page.getHeight() - 200 - qrSize;
    canvas.addImage(qr, qrSize, 0, 0, qrSize, centre - qrSize / 2, qrBottom);
    var expires = sheet.expiresAt().atZone(zone);
    text(canvas, "有效期至 Valid until", centre, qrBottom - 40, 18, false);
    text(canvas, DAY.format(expires) + " " + TIME.format(expires), centre, qrBottom - 90, 40, true);
    var issued = sheet.issuedAt().atZone(zone);
    text(
        canvas,
        sheet.issuedLabel() + " " + DAY.format(issued) + " " + TIME.format(issued),
        centre,
        qrBottom - 125,
        12,
        false);
    text(canvas, sheet.note(), centre, 90, 12, false);
    text(canvas, sheet.noteEn(), centre, 72, 10, false);
  }

  private void card(PdfContentByte canvas, Rectangle page, Image qr, Sheet sheet)
      throws DocumentException {
    float margin = 2.5f * MM;
    float qrSize = page.getHeight() - 2 * margin;
    canvas.addImage(qr, qrSize, 0, 0, qrSize, margin, margin);
    float left = margin + qrSize + 1.5f * MM;
    float centre = (left + page.getWidth() - margin) / 2;
    float top = page.getHeight();
    text(canvas, sheet.mark(), centre, top - 24, sheet.mark().length() > 3 ? 12 : 16, true);
    text(canvas, sheet.markEn(), centre, top - 35, 8, false);
    text(canvas, sheet.name(), centre, top - 58, 15, true);
    text(canvas, "有效期至 Valid until", centre, top - 82, 7, false);
    var expires = sheet.expiresAt().atZone(zone);
    text(canvas, DAY.format(expires), centre, top - 100, 13, true);
    text(canvas, TIME.format(expires), centre, top - 114, 11, true);
    text(canvas, sheet.maskedDocument(), centre, margin + 4, 6, false);
    // a thin cutting line around the card
    canvas.setLineWidth(0.3f);
    canvas.setGrayStroke(0.6f);
    canvas.rectangle(0.5f, 0.5f, page.getWidth() - 1, page.getHeight() - 1);
    canvas.stroke();
  }

  /** Centred text in the regular or the bold face. */
  private void text(
      PdfContentByte canvas, String text, float centreX, float baseline, float size, boolean bold) {
    centredText(canvas, bold ? fonts.bold() : fonts.regular(), text, centreX, baseline, size);
  }

  /** Centred text in the given face (other printed sheets: a venue's poster). */
  public static void centredText(
      PdfContentByte canvas,
      BaseFont font,
      String text,
      float centreX,
      float baseline,
      float size) {
    canvas.saveState();
    canvas.beginText();
    canvas.setFontAndSize(font, size);
    canvas.showTextAligned(PdfContentByte.ALIGN_CENTER, text, centreX, baseline, 0);
    canvas.endText();
    canvas.restoreState();
  }

  /** The QR code as a 1-bit grey image: one pixel per module, quiet zone included. */
  public static Image qrImage(String token) {
    var qr = QrImages.greyBitmap(token);
    try {
      Image image = Image.getInstance(qr.width(), qr.height(), 1, 1, qr.bits());
      image.setInterpolation(false);
      return image;
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot build the QR image", e);
    }
  }
}
