package org.suishen.identity.internal;

import org.jspecify.annotations.Nullable;

/** A row that cannot be imported: the reason code and the column concerned. No stack trace. */
final class RowRefused extends Exception {

  private final String reason;
  private final @Nullable String detail;

  RowRefused(String reason, @Nullable String detail) {
    super(reason, null, false, false);
    this.reason = reason;
    this.detail = detail;
  }

  String reason() {
    return reason;
  }

  @Nullable String detail() {
    return detail;
  }
}
