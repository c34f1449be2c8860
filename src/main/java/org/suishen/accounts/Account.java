package org.suishen.accounts;

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
    UUID id,
    AccountKind kind,
    String login,
    String description,
    List<Role> roles,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {

  public Account {
    roles = List.copyOf(roles);
  }

  public boolean holds(Role role) {
    return roles.contains(role);
  }
}
