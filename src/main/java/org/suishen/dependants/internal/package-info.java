/** Binding rules, storage and review of dependants' bindings. */
@org.jspecify.annotations.NullMarked
package org.suishen.dependants.internal;
