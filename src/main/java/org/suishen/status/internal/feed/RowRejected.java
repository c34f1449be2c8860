package org.suishen.status.internal.feed;

/** A feed row is refused with a stable reason code; the other rows go on. */
final class RowRejected extends Exception {

  private final String code;

  RowRejected(String code) {
    super(code, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
