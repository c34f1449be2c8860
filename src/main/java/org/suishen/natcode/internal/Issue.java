package org.suishen.natcode.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.security.Actor;

/**
 * A NAT code signed and waiting to be stored: the signature is made by the request (on its own
 * thread, in parallel with the others); storing, voiding and auditing are done for a whole group.
 *
 * @param credential the new credential (not voided)
 * @param token its signed token text
 * @param holder the family member who generates it for a dependant, or null (the person)
 */
record Issue(NatCredential credential, String token, Actor actor, @Nullable UUID holder) {

  UUID personId() {
    return credential.personId();
  }
}
