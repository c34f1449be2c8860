package org.suishen.healthcode.internal.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.code.CredentialTypes;
import org.suishen.healthcode.internal.code.DefaultCodeTokens;
import org.suishen.shared.security.Actor;

/**
 * A scan (H6): check the token here (no database), then hand the scan to its group ({@link
 * ScanGroups}), which reads the person's current colour (never the colour in the token), records
 * the scan durably, and only then answers. The scan record is the access log of this read of the
 * person's data by someone else (X1).
 */
@Service
public class Scanning {

  private final DefaultCodeTokens tokens;
  private final CredentialTypes credentials;
  private final ScanGroups groups;
  private final Clock clock;
  private final HealthCodeProperties properties;

  Scanning(
      DefaultCodeTokens tokens,
      CredentialTypes credentials,
      ScanGroups groups,
      Clock clock,
      HealthCodeProperties properties) {
    this.tokens = tokens;
    this.credentials = credentials;
    this.groups = groups;
    this.clock = clock;
    this.properties = properties;
  }

  public ScanDecision scan(
      @Nullable String payload,
      @Nullable String purpose,
      @Nullable String location,
      Actor scanner) {
    Instant now = clock.instant();
    return groups.decideAndRecord(
        new ScanJob(
            now,
            scanner.toString(),
            purpose,
            location,
            tokens.verify(clean(payload), now),
            acceptedByCurrentScanner()));
  }

  /**
   * The code types this scanner accepts: the configured ones, plus those that credential-carrying
   * types accept by the scanner's role (e.g. NAT codes for samplers).
   */
  private Set<CodeType> acceptedByCurrentScanner() {
    var common = properties.scan().acceptedCodeTypes();
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      return common;
    }
    var authorities =
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return credentials.acceptedBy(common, authorities);
  }

  /** A keyboard-wedge scanner ends with Enter; Base45 may contain spaces, so only CR/LF go. */
  private static String clean(@Nullable String payload) {
    if (payload == null) {
      return "";
    }
    int end = payload.length();
    while (end > 0 && (payload.charAt(end - 1) == '\n' || payload.charAt(end - 1) == '\r')) {
      end--;
    }
    return payload.substring(0, end);
  }
}
