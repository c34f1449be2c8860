package org.suishen.natcode.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.Relationship;
import org.suishen.natcode.internal.NatCode;

/**
 * What the NAT code page shows: the code (if any), its times in the city's time zone, and where the
 * page's buttons go.
 *
 * @param personName the masked name of the person whose code it is
 * @param forDependant whether a family member looks at a dependant's code
 * @param relationship who that dependant is to the family member (the title names it; null for
 *     one's own code and for bindings applied for before it was asked)
 */
record NatCodeView(
    String personName,
    boolean forDependant,
    @Nullable Relationship relationship,
    @Nullable String token,
    @Nullable String expiresAt,
    @Nullable String issuedAt,
    long daysLeft,
    boolean expired,
    String generateAction,
    String pdfA4,
    String pdfCard,
    String back) {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static NatCodeView of(
      String personName,
      boolean forDependant,
      @Nullable Relationship relationship,
      @Nullable NatCode code,
      Clock clock,
      String generateAction,
      String pdfPath,
      String back) {
    Instant now = clock.instant();
    boolean expired = code != null && code.expiredAt(now);
    long daysLeft =
        code == null || expired
            ? 0
            : Math.ceilDiv(Duration.between(now, code.expiresAt()).toSeconds(), 86_400);
    return new NatCodeView(
        personName,
        forDependant,
        relationship,
        code == null ? null : code.token(),
        code == null ? null : FORMAT.format(code.expiresAt().atZone(clock.getZone())),
        code == null ? null : FORMAT.format(code.issuedAt().atZone(clock.getZone())),
        daysLeft,
        expired,
        generateAction,
        pdfPath + "?size=A4",
        pdfPath + "?size=CARD",
        back);
  }

  /** A code that can be shown and printed now. */
  public boolean valid() {
    return token != null && !expired;
  }
}
