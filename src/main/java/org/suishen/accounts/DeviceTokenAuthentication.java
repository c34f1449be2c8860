package org.suishen.accounts;

import org.springframework.security.core.Authentication;

/**
 * Authenticates a request that carries a device token ({@code Authorization: Bearer dt1...}): the
 * security filter chain asks this before HTTP Basic. No database read and no password hash per
 * request; a disabled device or a new secret ends its tokens within {@code
 * suishen.accounts.device-tokens.revocation-check} on every node.
 */
public interface DeviceTokenAuthentication {

  /**
   * The device the token stands for.
   *
   * @throws DeviceTokenRefused a token that does not (or no longer) authenticate
   */
  Authentication authenticate(String token);
}
