package org.suishen.venues.internal.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * Why and over which time a trace query runs: a legal basis in words and the case it serves, a
 * window no longer than the configured span. Both are written into the audit trail with the query.
 */
public record TraceQuery(String legalBasis, String caseRef, Instant from, Instant to) {

  static final int MIN_BASIS = 4;
  static final int MAX_BASIS = 500;
  private static final Pattern CASE_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{2,63}");

  /** The query as given, or a refusal naming what is missing or impossible. */
  public static TraceQuery of(
      @Nullable String legalBasis,
      @Nullable String caseRef,
      @Nullable Instant from,
      @Nullable Instant to,
      Duration maxSpan) {
    String basis = legalBasis == null ? "" : legalBasis.strip();
    if (basis.length() < MIN_BASIS || basis.length() > MAX_BASIS) {
      throw SuishenException.badInput("venues.trace.legal-basis-required", MIN_BASIS, MAX_BASIS);
    }
    String ref = caseRef == null ? "" : caseRef.strip();
    if (!CASE_REF.matcher(ref).matches()) {
      throw SuishenException.badInput("venues.trace.case-ref-required");
    }
    if (from == null || to == null || !from.isBefore(to)) {
      throw SuishenException.badInput("venues.trace.window-invalid");
    }
    if (Duration.between(from, to).compareTo(maxSpan) > 0) {
      throw SuishenException.badInput("venues.trace.window-too-long", maxSpan.toDays());
    }
    return new TraceQuery(basis, ref, from, to);
  }

  String describe() {
    return "case " + caseRef + " (" + legalBasis + "), " + from + " .. " + to;
  }
}
