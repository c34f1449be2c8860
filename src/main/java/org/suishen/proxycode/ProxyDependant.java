package org.suishen.proxycode;

import org.jspecify.annotations.Nullable;
import org.suishen.dependants.Relationship;

/**
 * A bound dependant as the proxy code page names them before the code is fetched.
 *
 * @param relationship who the dependant is to the holder, as stated when binding; {@code null} for
 *     bindings applied for before it was asked
 * @param declared whether the dependant has declared, so that a proxy code can be shown
 */
public record ProxyDependant(@Nullable Relationship relationship, boolean declared) {}
