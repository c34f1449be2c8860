package org.suishen.accounts.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * Staff usernames and device ids share one namespace: 3 to 64 characters, lower-case letters,
 * digits, dot, hyphen and underscore, starting with a letter (e.g. {@code wang.li}, {@code
 * kiosk-0042}). Input is trimmed and lower-cased, so {@code Wang.Li} and {@code wang.li} are the
 * same login.
 */
public final class LoginNamePolicy {

  private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

  /** The normalised form used for storage and lookup (no validation). */
  public static String normalise(String login) {
    return login.strip().toLowerCase(Locale.ROOT);
  }

  public String staffUsername(@Nullable String raw) {
    return checked(raw, "accounts.username.invalid");
  }

  public String deviceId(@Nullable String raw) {
    return checked(raw, "accounts.device.id-invalid");
  }

  private static String checked(@Nullable String raw, String code) {
    if (raw == null) {
      throw SuishenException.badInput(code);
    }
    String login = normalise(raw);
    if (!FORMAT.matcher(login).matches()) {
      throw SuishenException.badInput(code);
    }
    return login;
  }
}
