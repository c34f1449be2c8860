/** Validating, storing and publishing health declarations. */
@org.jspecify.annotations.NullMarked
package org.suishen.declaration.internal;
