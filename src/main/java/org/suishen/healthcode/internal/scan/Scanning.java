package org.suishen.healthcode.internal.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.suishen.healthcode.CodeCheck;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.ScanReason;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.code.CredentialTypes;
import org.suishen.healthcode.internal.code.DefaultCodeTokens;
import org.suishen.healthcode.internal.code.MaskedIdentity;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatuses;

/**
 * A scan (H6): check the code, read the person's current colour (never the colour in the token),
 * record the scan durably, and only then answer. The scan record is the access log of this read of
 * the person's data by someone else (X1).
 */
@Service
public class Scanning {

  private final DefaultCodeTokens tokens;
  private final CredentialTypes credentials;
  private final PopulationRegister register;
  private final HealthStatuses statuses;
  private final ScanRecorder recorder;
  private final Clock clock;
  private final HealthCodeProperties properties;

  Scanning(
      DefaultCodeTokens tokens,
      CredentialTypes credentials,
      PopulationRegister register,
      HealthStatuses statuses,
      ScanRecorder recorder,
      Clock clock,
      HealthCodeProperties properties) {
    this.tokens = tokens;
    this.credentials = credentials;
    this.register = register;
    this.statuses = statuses;
    this.recorder = recorder;
    this.clock = clock;
    this.properties = properties;
  }

  public ScanDecision scan(
      @Nullable String payload,
      @Nullable String purpose,
      @Nullable String location,
      Actor scanner) {
    Instant now = clock.instant();
    var checked = tokens.checkForScan(clean(payload), acceptedByCurrentScanner());
    CodeCheck check = checked.check();
    ScanReason reason = check.reason();
    UUID personId = check.personId();
    MaskedIdentity identity = null;
    Colour colour = null;
    if (reason.accepted() && personId != null) {
      identity = checked.identity();
      if (identity == null) {
        // a code issued without the identity snapshot: ask the register
        identity = register.find(personId).map(MaskedIdentity::of).orElse(null);
      }
      if (identity == null) {
        reason = ScanReason.UNKNOWN_PERSON;
      } else if (credentials.showsStatus(check.type())) {
        colour = statuses.current(personId).colour();
      }
    }
    recorder.recordAndWait(
        new ScanRecord(
            now,
            scanner.toString(),
            purpose,
            location,
            reason,
            check.type(),
            check.personRef(),
            personId,
            colour));
    String presentedBy = null;
    if (identity != null && reason.accepted() && check.holderPersonId() != null) {
      var holder = checked.holderIdentity();
      if (holder == null) {
        // a proxy code issued without the holder's identity snapshot: ask the register
        holder = register.find(check.holderPersonId()).map(MaskedIdentity::of).orElse(null);
      }
      presentedBy = holder == null ? "" : holder.name();
    }
    return identity == null || !reason.accepted()
        ? new ScanDecision(reason, check.type(), null, null, null, now)
        : new ScanDecision(
            reason, check.type(), identity.name(), identity.document(), colour, now, presentedBy);
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
