package org.suishen.accounts.internal;

import java.security.SecureRandom;

/**
 * Generates passwords and device secrets from a cryptographically strong random source, over an
 * alphabet without look-alikes (no 0/O, 1/l/I), so that they can be read off a screen and typed: 56
 * symbols, about 5.8 bits each (20 characters: 116 bits; 32 characters: 186 bits).
 */
public final class SecretGenerator {

  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final SecureRandom random;

  public SecretGenerator() {
    this(new SecureRandom());
  }

  SecretGenerator(SecureRandom random) {
    this.random = random;
  }

  public String secret(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be positive");
    }
    var secret = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return secret.toString();
  }

  /** A password of the given length that the policy accepts for this login. */
  public String password(int length, PasswordPolicy policy, String login) {
    if (length < policy.minLength() || length > PasswordPolicy.MAX_BYTES) {
      throw new IllegalArgumentException(
          "generated password length must lie between the policy's minimum and 72");
    }
    while (true) {
      String candidate = secret(length);
      if (policy.accepts(login, candidate)) {
        return candidate;
      }
    }
  }
}
