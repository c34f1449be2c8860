package org.suishen.personsearch.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.shared.problem.SuishenException;

/**
 * What a searcher may ask: a reason first (no reason, no look-up), then exactly one criterion, a
 * phone only for the health authority, and a well-formed document. Refuses at the first problem,
 * before anything is read.
 */
final class SearchPolicy {

  private final int reasonMinLength;
  private final int reasonMaxLength;

  SearchPolicy(PersonSearchProperties properties) {
    this.reasonMinLength = properties.reasonMinLength();
    this.reasonMaxLength = properties.reasonMaxLength();
  }

  /** The reason, stripped and with inner blanks and control characters collapsed to one space. */
  String reason(@Nullable String raw) {
    String reason = raw == null ? "" : raw.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    int length = reason.codePointCount(0, reason.length());
    if (length < reasonMinLength) {
      throw SuishenException.badInput(
          "personsearch.reason.required", String.valueOf(reasonMinLength));
    }
    if (length > reasonMaxLength) {
      throw SuishenException.badInput(
          "personsearch.reason.too-long", String.valueOf(reasonMaxLength));
    }
    return reason;
  }

  Criterion criterion(SearchRequest request, Searcher searcher, LocalDate today) {
    boolean document = present(request.documentType()) || present(request.documentNumber());
    boolean phone = present(request.phone());
    if (document && phone) {
      throw SuishenException.badInput("personsearch.criterion.ambiguous");
    }
    if (phone) {
      if (!searcher.healthAuthority()) {
        throw SuishenException.forbidden("personsearch.phone.not-allowed");
      }
      return new Criterion.ByPhone(request.phone());
    }
    if (!document) {
      throw SuishenException.badInput("personsearch.criterion.required");
    }
    if (!present(request.documentType()) || !present(request.documentNumber())) {
      throw SuishenException.badInput("personsearch.document.incomplete");
    }
    return new Criterion.ByDocument(
        IdentityDocument.of(
            DocumentType.parse(request.documentType()), request.documentNumber(), today));
  }

  private static boolean present(@Nullable String value) {
    return value != null && !value.isBlank();
  }
}
