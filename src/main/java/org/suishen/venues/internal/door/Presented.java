package org.suishen.venues.internal.door;

import java.util.UUID;

/** What a person showed at the door. */
public sealed interface Presented {

  /** The passage log's credential name for this kind. */
  String credential();

  /** A QR token: a live code or a proxy code (a paper offline code is refused with its reason). */
  record Code(String token) implements Presented {
    @Override
    public String credential() {
      return "CODE";
    }
  }

  /** An ID card on the sentinel's reader: what the chip gave. */
  record IdCard(org.suishen.identity.IdentityDocument document, String name) implements Presented {
    @Override
    public String credential() {
      return "ID_CARD";
    }
  }

  /** A citizen scanning the venue's poster while logged in: a claim about themselves. */
  record Self(UUID personId) implements Presented {
    @Override
    public String credential() {
      return "SELF";
    }
  }

  /**
   * A paper offline code a member of staff checked with the ID card (the offline-code context's
   * check, recorded here as a passage).
   */
  record CheckedPaper(UUID personId) implements Presented {
    @Override
    public String credential() {
      return "OFFLINE";
    }
  }
}
