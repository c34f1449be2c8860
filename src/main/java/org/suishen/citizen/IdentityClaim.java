package org.suishen.citizen;

import java.util.UUID;
import org.suishen.identity.IdentityDocument;

/** What a citizen account claims to be during real-name registration: a document and a name. */
public record IdentityClaim(UUID accountId, IdentityDocument document, String name) {

  @Override
  public String toString() {
    return "IdentityClaim[" + accountId + ", " + document + "]";
  }
}
