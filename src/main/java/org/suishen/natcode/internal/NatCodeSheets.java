package org.suishen.natcode.internal;

import java.time.Clock;
import org.openpdf.text.Image;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.CodeSheets;
import org.suishen.shared.print.PrintFonts;

/**
 * The printable NAT code (N3, seed 000: "可将核酸码打印出来"): "核酸码 NAT code", the masked name and the
 * expiry in large type around the QR code, drawn by {@link CodeSheets}.
 */
@Component
public class NatCodeSheets {

  private final CodeSheets sheets;

  public NatCodeSheets(PrintFonts fonts, Clock clock) {
    this.sheets = new CodeSheets(fonts, clock);
  }

  public byte[] render(NatCode code, SheetSize size) {
    return sheets.render(
        new CodeSheets.Sheet(
            "核酸码",
            "NAT code",
            code.maskedName(),
            code.maskedDocument(),
            code.issuedAt(),
            code.expiresAt(),
            code.token(),
            "生成时间 Issued",
            "仅用于核酸采样登记，有效期内可反复使用。重新生成核酸码后，此码作废。",
            "For sampling registration only; reusable until it expires. Void once a new code is"
                + " generated."),
        size == SheetSize.CARD);
  }

  static Image qrImage(String token) {
    return CodeSheets.qrImage(token);
  }
}
