package org.suishen.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * What a staff password must satisfy: at least {@code minLength} characters and {@code
 * minDistinctCharacters} different ones ({@code accounts.password.weak}); not the username, nor
 * containing it ({@code accounts.password.same-as-username}); at most 72 bytes in UTF-8, the limit
 * of bcrypt ({@code accounts.password.too-long}).
 */
public final class PasswordPolicy {

  /** bcrypt only uses the first 72 bytes; longer input is refused rather than silently cut. */
  public static final int MAX_BYTES = 72;

  private final int minLength;
  private final int minDistinct;

  public PasswordPolicy(int minLength, int minDistinct) {
    this.minLength = minLength;
    this.minDistinct = minDistinct;
  }

  public PasswordPolicy(AccountsProperties.Password rules) {
    this(rules.minLength(), rules.minDistinctCharacters());
  }

  public int minLength() {
    return minLength;
  }

  /** Throws the first rule the password breaks; returns it unchanged otherwise. */
  public String check(String login, @Nullable String password) {
    if (password == null || password.isBlank()) {
      throw SuishenException.badInput("accounts.password.weak", minLength);
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw SuishenException.badInput("accounts.password.too-long", MAX_BYTES);
    }
    if (password.codePointCount(0, password.length()) < minLength
        || password.codePoints().distinct().count() < minDistinct) {
      throw SuishenException.badInput("accounts.password.weak", minLength);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String name = LoginNamePolicy.normalise(login);
    if (!name.isEmpty() && lower.contains(name)) {
      throw SuishenException.badInput("accounts.password.same-as-username");
    }
    return password;
  }

  /** Whether the password satisfies the policy. */
  public boolean accepts(String login, String password) {
    try {
      check(login, password);
      return true;
    } catch (SuishenException e) {
      return false;
    }
  }
}
