package org.suishen.accounts;

import java.util.List;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;

/**
 * Creates accounts from configuration rather than from an administrator's form: the demo city, and
 * a deployment's provisioning scripts. Idempotent: an existing login is left as it is. The same
 * policies (login format, password strength) apply, and every creation is audited.
 */
public interface AccountProvisioning {

  /** Creates the staff account unless the username exists; returns whether it was created. */
  boolean ensureStaff(
      String username, String description, String password, List<Role> roles, Actor actor);

  /**
   * Creates the device account with the given secret unless the device id exists; returns whether
   * it was created.
   */
  boolean ensureDevice(String deviceId, String description, Role role, String secret, Actor actor);
}
