package org.suishen.offlinecode.internal;

import org.springframework.stereotype.Component;
import org.suishen.healthcode.CodeSheets;
import org.suishen.identity.Person;

/**
 * The printed offline code (O8): the mark "离线随申码" prominent, the holder's name and the expiry in
 * large type, the ID number masked, the application time and the QR code, on A4 or a card. The QR
 * carries only the signed token (a random credential id and the expiry: no personal data).
 */
@Component
public class OfflineCodeSheets {

  private final CodeSheets sheets;

  OfflineCodeSheets(CodeSheets sheets) {
    this.sheets = sheets;
  }

  public byte[] render(Person holder, OfflineCode code, boolean card) {
    var c = code.credential();
    return sheets.render(
        new CodeSheets.Sheet(
            "离线随申码",
            "Offline code",
            holder.name(),
            holder.maskedDocumentNumber(),
            c.issuedAt(),
            c.expiresAt(),
            code.token(),
            "申领时间 Applied",
            "请与身份证一同出示，由工作人员扫码核验。挂失、补领或再次申领后，此码作废。",
            "Show it with your ID card for a staff check. Void once reported lost, reissued or"
                + " re-applied for."),
        card);
  }
}
