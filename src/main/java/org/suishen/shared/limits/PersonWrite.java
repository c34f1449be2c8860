package org.suishen.shared.limits;

/** A write a person may make only so many times a day (key = its setting and stored name). */
public enum PersonWrite {
  /** A new NAT code, which voids the earlier one and adds a row to the terminals' feed. */
  NAT_CODE_REGENERATION("nat-code-regeneration"),
  /** A health declaration, the person's own or a guardian's for them. */
  DECLARATION("declaration"),
  /** An appeal filed. */
  APPEAL("appeal"),
  /** A request to bind a dependant (the holder's). */
  BINDING_REQUEST("binding-request");

  private final String key;

  PersonWrite(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
