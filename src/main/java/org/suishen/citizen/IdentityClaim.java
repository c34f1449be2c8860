package org.suishen.citizen;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.IdentityDocument;

/**
 * What a citizen account claims to be during real-name registration: a document and a name, from
 * the account's mobile number, and the ID card's chip where the channel has a card reader.
 */
public record IdentityClaim(
    UUID accountId,
    IdentityDocument document,
    String name,
    String phone,
    @Nullable CardRead cardRead) {

  @Override
  public String toString() {
    return "IdentityClaim[" + accountId + ", " + document + "]";
  }
}
