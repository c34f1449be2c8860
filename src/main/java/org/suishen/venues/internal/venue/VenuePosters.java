package org.suishen.venues.internal.venue;

import java.io.ByteArrayOutputStream;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.CodeSheets;
import org.suishen.shared.print.PrintFonts;

/**
 * A venue's poster (场所码): the venue's name and address in large type around a QR code that opens
 * the citizen's self-scan page. The QR carries the venue's random code only, never a person; the
 * Chinese text is drawn with the embedded print font (a subset travels in the PDF).
 */
@Component
public class VenuePosters {

  private static final float MM = 72f / 25.4f;

  private final PrintFonts fonts;

  VenuePosters(PrintFonts fonts) {
    this.fonts = fonts;
  }

  /**
   * @param url what the QR opens: the self-scan page for the venue's current code
   */
  public byte[] render(Venue venue, String url) {
    var out = new ByteArrayOutputStream(16 * 1024);
    var page = PageSize.A4;
    var document = new Document(page, 0, 0, 0, 0);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle("场所码 " + venue.name());
      document.addCreator("Suishen");
      document.open();
      PdfContentByte canvas = writer.getDirectContent();
      float centre = page.getWidth() / 2;
      float top = page.getHeight();
      text(canvas, "场所码 Venue code", centre, top - 80, 30, true);
      text(canvas, venue.name(), centre, top - 135, venue.name().length() > 14 ? 24 : 34, true);
      text(canvas, venue.address(), centre, top - 165, 14, false);
      float qrSize = 120 * MM;
      float qrBottom = top - 190 - qrSize;
      Image qr = CodeSheets.qrImage(url);
      canvas.addImage(qr, qrSize, 0, 0, qrSize, centre - qrSize / 2, qrBottom);
      text(canvas, "请用随申码扫码登记进入，并向工作人员出示结果", centre, qrBottom - 40, 16, true);
      text(
          canvas,
          "Scan with Suishen before you enter and show the result to the staff",
          centre,
          qrBottom - 62,
          11,
          false);
      text(
          canvas,
          venue.district() + " " + venue.street() + " " + venue.community(),
          centre,
          80,
          11,
          false);
      text(canvas, "扫码即登记本人行程，请勿转发本码 · Do not share this code", centre, 60, 10, false);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot render the venue poster", e);
    }
    return out.toByteArray();
  }

  private void text(
      PdfContentByte canvas, String text, float centreX, float baseline, float size, boolean bold) {
    CodeSheets.centredText(
        canvas, bold ? fonts.bold() : fonts.regular(), text, centreX, baseline, size);
  }
}
