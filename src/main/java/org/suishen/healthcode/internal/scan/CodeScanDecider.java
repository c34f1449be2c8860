package org.suishen.healthcode.internal.scan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.CodeCheck;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.healthcode.ScanReason;
import org.suishen.healthcode.internal.code.CredentialTypes;
import org.suishen.healthcode.internal.code.DefaultCodeTokens;
import org.suishen.healthcode.internal.code.DefaultCodeTokens.Checked;
import org.suishen.healthcode.internal.code.MaskedIdentity;
import org.suishen.identity.PopulationRegister;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;
import org.suishen.status.HealthStatuses;

/**
 * The scan's database reads, for a whole group: one query for the references the codes name (and
 * the holders of proxy codes), one per credential type present (NAT), one for the current colours
 * of the people accepted. The colour is the one read now, never the one in the token.
 */
@Component
class CodeScanDecider implements ScanDecider {

  private final DefaultCodeTokens tokens;
  private final CredentialTypes credentials;
  private final PopulationRegister register;
  private final PersonPhotos photos;
  private final HealthStatuses statuses;

  CodeScanDecider(
      DefaultCodeTokens tokens,
      CredentialTypes credentials,
      PopulationRegister register,
      PersonPhotos photos,
      HealthStatuses statuses) {
    this.tokens = tokens;
    this.credentials = credentials;
    this.register = register;
    this.photos = photos;
    this.statuses = statuses;
  }

  @Override
  public List<DecidedScan> decide(List<ScanJob> group) {
    List<Checked> checked =
        tokens.judgeAll(
            group.stream().map(ScanJob::verification).toList(), i -> group.get(i).accepted());
    var showingStatus = new HashSet<UUID>();
    for (Checked check : checked) {
      UUID personId = check.check().personId();
      if (check.check().accepted()
          && personId != null
          && credentials.showsStatus(check.check().type())) {
        showingStatus.add(personId);
      }
    }
    Map<UUID, HealthStatus> current =
        showingStatus.isEmpty() ? Map.of() : statuses.current(showingStatus);
    var decided = new ArrayList<DecidedScan>(group.size());
    for (int i = 0; i < group.size(); i++) {
      decided.add(decide(group.get(i), checked.get(i), current));
    }
    return decided;
  }

  private DecidedScan decide(ScanJob job, Checked checked, Map<UUID, HealthStatus> current) {
    CodeCheck check = checked.check();
    ScanReason reason = check.reason();
    UUID personId = check.personId();
    MaskedIdentity identity = null;
    Colour colour = null;
    if (reason.accepted() && personId != null) {
      identity = checked.identity();
      if (identity == null) {
        // a code issued without the identity snapshot: ask the register
        identity = maskedIdentityOf(personId);
      }
      if (identity == null) {
        reason = ScanReason.UNKNOWN_PERSON;
      } else if (credentials.showsStatus(check.type())) {
        colour = Objects.requireNonNull(current.get(personId)).colour();
      }
    }
    var record =
        new ScanRecord(
            job.scannedAt(),
            job.scanner(),
            job.purpose(),
            job.location(),
            reason,
            check.type(),
            check.personRef(),
            personId,
            colour);
    if (identity == null || !reason.accepted()) {
      return new DecidedScan(
          new ScanDecision(reason, check.type(), null, null, null, job.scannedAt()), record);
    }
    String presentedBy = null;
    if (check.holderPersonId() != null) {
      var holder = checked.holderIdentity();
      if (holder == null) {
        // a proxy code issued without the holder's identity snapshot: ask the register
        holder = maskedIdentityOf(check.holderPersonId());
      }
      presentedBy = holder == null ? "" : holder.name();
    }
    return new DecidedScan(
        new ScanDecision(
            reason,
            check.type(),
            identity.name(),
            identity.document(),
            colour,
            job.scannedAt(),
            presentedBy,
            identity.photoOnFile()),
        record);
  }

  private @Nullable MaskedIdentity maskedIdentityOf(UUID personId) {
    return register.find(personId).map(person -> MaskedIdentity.of(person, photos)).orElse(null);
  }
}
