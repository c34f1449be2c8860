package org.suishen.sampling.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A person registered into a tube, as the table sees it: masked, with the tube's fill.
 *
 * @param credential how the person was identified: NAT, LIVE, PROXY, OFFLINE, ID_CARD,
 *     TYPED_NUMBER, INFANT (a child without a document, registered by hand by a parent)
 */
public record Registration(
    UUID registrationId,
    String tubeBarcode,
    String maskedName,
    String documentType,
    String maskedDocumentNumber,
    String credential,
    Instant registeredAt,
    int members,
    int capacity,
    boolean sealed) {

  /** What the terminal submitted: CODE for any code, else the document's way in. */
  public String credentialKind() {
    return switch (credential) {
      case "ID_CARD", "TYPED_NUMBER", "INFANT" -> credential;
      default -> "CODE";
    };
  }
}
