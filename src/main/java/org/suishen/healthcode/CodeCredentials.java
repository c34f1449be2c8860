package org.suishen.healthcode;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.suishen.shared.security.Role;

/**
 * Extension point for code types whose token carries a <em>credential id</em> in its reference
 * field instead of the person's reference (e.g. the 30-day NAT code, MISSION N1-N2): the module
 * that issues such codes keeps the credentials (credential id → person, voided or not) and
 * implements this interface as a bean; the scan asks it instead of the person references.
 *
 * <p>{@link #findAll} is on the scan hot path (a group of scans at once): it should be a single
 * indexed query; {@link #find} serves single checks.
 */
public interface CodeCredentials {

  /** The code type whose tokens name credentials of this kind. */
  CodeType type();

  /** The credential with this id, or empty if it was never issued (or has been purged). */
  Optional<CodeCredential> find(UUID credentialId);

  /** The credentials with these ids that exist (one read for a whole group of scans). */
  default Map<UUID, CodeCredential> findAll(Collection<UUID> credentialIds) {
    var found = new HashMap<UUID, CodeCredential>();
    credentialIds.forEach(id -> find(id).ifPresent(c -> found.put(id, c)));
    return found;
  }

  /**
   * The scanners (by role) that accept this code type, in addition to {@code
   * suishen.healthcode.scan.accepted-code-types} which every scanner accepts (e.g. samplers accept
   * NAT codes, venue sentinels do not).
   */
  Set<Role> acceptedBy();

  /**
   * Whether a scan of this type shows the person's current colour. Identity-only codes (NAT) do
   * not: the scan then needs no status lookup.
   */
  default boolean showsStatus() {
    return true;
  }
}
