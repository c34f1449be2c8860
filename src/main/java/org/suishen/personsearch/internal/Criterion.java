package org.suishen.personsearch.internal;

import org.suishen.identity.IdentityDocument;

/** What a checked search looks for: exactly one of a document or a phone. */
sealed interface Criterion {

  /** For the audit detail: what was searched by, never the number itself. */
  String kind();

  record ByDocument(IdentityDocument document) implements Criterion {
    @Override
    public String kind() {
      return "document type=" + document.type().name();
    }
  }

  record ByPhone(String phone) implements Criterion {
    @Override
    public String kind() {
      return "phone";
    }

    @Override
    public String toString() {
      return "ByPhone[***]";
    }
  }
}
