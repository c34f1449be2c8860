package org.suishen.dependants.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.dependants.Binding;
import org.suishen.dependants.Dependants;
import org.suishen.shared.problem.SuishenException;

/** The published {@link Dependants} API over the binding store. */
@Service
class DependantsDirectory implements Dependants {

  private final BindingStore store;

  DependantsDirectory(BindingStore store) {
    this.store = store;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isBound(UUID holderPersonId, UUID dependantPersonId) {
    return store.isBound(holderPersonId, dependantPersonId);
  }

  @Override
  @Transactional(readOnly = true)
  public void requireBinding(UUID holderPersonId, UUID dependantPersonId) {
    if (!store.isBound(holderPersonId, dependantPersonId)) {
      throw SuishenException.forbidden("dependants.not-bound");
    }
  }

  @Override
  @Transactional(readOnly = true)
  public List<Binding> of(UUID holderPersonId) {
    return store.activeOf(holderPersonId);
  }
}
