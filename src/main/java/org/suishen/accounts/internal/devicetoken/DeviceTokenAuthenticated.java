package org.suishen.accounts.internal.devicetoken;

import java.io.Serial;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.suishen.accounts.internal.AccountPrincipal;

/** A request authenticated by a device token (not by the device's secret). */
public final class DeviceTokenAuthenticated extends AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  private final AccountPrincipal device;

  DeviceTokenAuthenticated(AccountPrincipal device) {
    super(device.getAuthorities());
    this.device = device;
    setAuthenticated(true);
  }

  @Override
  public @Nullable Object getCredentials() {
    return null;
  }

  @Override
  public AccountPrincipal getPrincipal() {
    return device;
  }
}
