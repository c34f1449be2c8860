package org.suishen.accounts.internal;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.accounts.AccountProvisioning;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;

@Service
class ConfiguredAccountProvisioning implements AccountProvisioning {

  private final AccountAdministration administration;
  private final AccountStore store;

  ConfiguredAccountProvisioning(AccountAdministration administration, AccountStore store) {
    this.administration = administration;
    this.store = store;
  }

  @Override
  @Transactional
  public boolean ensureStaff(
      String username, String description, String password, List<Role> roles, Actor actor) {
    if (store.findByLogin(username).isPresent()) {
      return false;
    }
    administration.createStaff(
        new NewStaff(username, description, password, roles.stream().map(Role::name).toList()),
        actor);
    return true;
  }

  @Override
  @Transactional
  public boolean ensureDevice(
      String deviceId, String description, Role role, String secret, Actor actor) {
    if (store.findByLogin(deviceId).isPresent()) {
      return false;
    }
    administration.createDevice(NewDevice.of(deviceId, role.name(), description), secret, actor);
    return true;
  }
}
