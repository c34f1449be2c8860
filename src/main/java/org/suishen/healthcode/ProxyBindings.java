package org.suishen.healthcode;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Extension point for proxy codes (亲属随申码, MISSION R4): the module that shows them says whether the
 * holder a proxy code names may still present it for the dependant — whether their binding still
 * stands. A scan asks for a whole group of scans at once, so this is one read; a proxy code whose
 * binding ended (removed, or the child came of age) is refused as {@link ScanReason#REVOKED} at
 * once, not only when it expires. Required: without such a bean the application does not start
 * (fail closed, never "every pair stands").
 */
public interface ProxyBindings {

  /** Of these pairs, those whose binding still stands. */
  Set<ProxyPair> standing(Collection<ProxyPair> pairs);

  /** The holder who presents a proxy code and the dependant it is for, by person id. */
  record ProxyPair(UUID holderPersonId, UUID dependantPersonId) {}
}
