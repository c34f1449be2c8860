package org.suishen.proxycode.internal;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.suishen.dependants.Dependants;
import org.suishen.dependants.HolderAndDependant;
import org.suishen.healthcode.ProxyBindings;

/**
 * The scan's check that the binding behind a proxy code still stands: proxy codes are shown here,
 * bindings are kept by the dependants context, which answers for a whole group at once.
 */
@Component
class StandingProxyBindings implements ProxyBindings {

  private final Dependants dependants;

  StandingProxyBindings(Dependants dependants) {
    this.dependants = dependants;
  }

  @Override
  public Set<ProxyPair> standing(Collection<ProxyPair> pairs) {
    return dependants
        .standing(
            pairs.stream()
                .map(p -> new HolderAndDependant(p.holderPersonId(), p.dependantPersonId()))
                .toList())
        .stream()
        .map(b -> new ProxyPair(b.holder(), b.dependant()))
        .collect(Collectors.toSet());
  }
}
