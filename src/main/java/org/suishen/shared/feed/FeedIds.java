package org.suishen.shared.feed;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/** How the revocation feeds name a reference or credential: its 16 bytes, base64url, unpadded. */
public final class FeedIds {

  private FeedIds() {}

  public static String base64Url(UUID id) {
    var bytes =
        ByteBuffer.allocate(16)
            .putLong(id.getMostSignificantBits())
            .putLong(id.getLeastSignificantBits())
            .array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
