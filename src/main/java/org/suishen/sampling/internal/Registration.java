package org.suishen.sampling.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A person registered into a tube, as the table sees it: masked, with the tube's fill.
 *
 * @param credential how the person was identified: NAT, LIVE, PROXY, OFFLINE, ID_CARD, TYPED_NUMBER
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
    return credential.equals("ID_CARD") || credential.equals("TYPED_NUMBER") ? credential : "CODE";
  }
}
