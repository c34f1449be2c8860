/**
 * Signing keys: encrypted at rest under the master key, several valid at once, exactly one signing;
 * rotation, retirement and the in-memory key ring every node reloads.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.healthcode.internal.keys;
