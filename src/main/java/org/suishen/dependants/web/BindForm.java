package org.suishen.dependants.web;

import org.jspecify.annotations.Nullable;

/**
 * The bind form's fields, kept when the page is shown again after a refusal (not the file). The
 * relationship starts empty: the holder chooses it, nothing is preselected for them.
 */
record BindForm(String documentType, String documentNumber, String name, String relationship) {

  static BindForm empty() {
    return new BindForm("RESIDENT_ID", "", "", "");
  }

  static BindForm of(
      @Nullable String documentType,
      @Nullable String documentNumber,
      @Nullable String name,
      @Nullable String relationship) {
    return new BindForm(
        documentType == null ? "RESIDENT_ID" : documentType,
        documentNumber == null ? "" : documentNumber,
        name == null ? "" : name,
        relationship == null ? "" : relationship);
  }
}
