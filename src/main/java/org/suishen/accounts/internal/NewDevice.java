package org.suishen.accounts.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An administrator's request for a device account; the secret is generated. The names are the
 * created {@code Account}'s.
 *
 * @param login the device id
 * @param roles exactly one device role
 */
public record NewDevice(
    @Schema(example = "kiosk-0042") @Nullable String login,
    @Schema(example = "[\"SELF_SERVICE_KIOSK\"]") @Nullable List<String> roles,
    @Schema(example = "Xuhui district office, hall 1") @Nullable String description) {

  /** A device with its one role. */
  public static NewDevice of(
      @Nullable String login, @Nullable String role, @Nullable String description) {
    return new NewDevice(login, role == null ? List.of() : List.of(role), description);
  }
}
