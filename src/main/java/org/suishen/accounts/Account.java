package org.suishen.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.suishen.shared.security.Role;

/**
 * A staff or device account, without its credentials.
 *
 * @param login the staff username or the device id (e.g. {@code kiosk-0042}); one namespace for
 *     both
 * @param description staff: name and unit; device: location (e.g. "Xuhui district office, hall 1")
 * @param roles staff: one or more staff roles; device: exactly one device role
 */
public record Account(
    @Schema(example = "6f1c2a9e-3b7d-4c1a-9e55-2d8f0b7a4c11") UUID id,
    AccountKind kind,
    @Schema(example = "li.ming") String login,
    @Schema(example = "Li Ming, Xuhui district health commission") String description,
    @Schema(example = "[\"APPEAL_REVIEWER\"]") List<Role> roles,
    @Schema(example = "true") boolean enabled,
    @Schema(example = "2026-04-01T01:30:00Z") Instant createdAt,
    @Schema(example = "2026-04-02T08:15:00Z") Instant updatedAt) {

  public Account {
    roles = List.copyOf(roles);
  }

  public boolean holds(Role role) {
    return roles.contains(role);
  }
}
