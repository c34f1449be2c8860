/**
 * The proxy code (亲属随申码, MISSION R4): a family member with a standing binding shows a dependant's
 * live health code on their own phone, naming both people; every showing is audited, and a scan
 * refuses it once the binding has ended. Built on the health code (tokens, issuance rule, photos,
 * the scan's {@code ProxyBindings} check) and the dependants (bindings). The NAT code a family
 * member generates for a dependant (N3) is the natcode context's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Proxy code")
@org.jspecify.annotations.NullMarked
package org.suishen.proxycode;
