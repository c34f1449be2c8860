package org.suishen.healthcode;

/**
 * The kinds of code that share one token format. The live health code is {@link #LIVE}; later
 * issues issue the others through {@link CodeTokens}.
 */
public enum CodeType {
  /** 随申码: the person's own live code, rotating every few tens of seconds (H3, H4). */
  LIVE(0),
  /** 亲属随申码: a live code a family member holds for a dependant; names the holder too (R4). */
  PROXY(1),
  /** 核酸码: a 30-day identity code for sampling registration (N1). */
  NAT(2),
  /** 离线随申码: a printed code valid 180 days (O5). */
  OFFLINE(3);

  private final int wireId;

  CodeType(int wireId) {
    this.wireId = wireId;
  }

  /** The byte that stands for this type in a token. */
  public int wireId() {
    return wireId;
  }

  /** Whether a token of this type carries the holder's reference as well as the person's. */
  public boolean namesHolder() {
    return this == PROXY;
  }

  /** The type for a token byte, or {@code null} for an unknown byte. */
  public static @org.jspecify.annotations.Nullable CodeType ofWireId(int wireId) {
    for (CodeType type : values()) {
      if (type.wireId == wireId) {
        return type;
      }
    }
    return null;
  }
}
