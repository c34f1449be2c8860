package org.suishen.accounts.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keys of the {@code login_throttle} table: a SHA-256 of the scope and the login name or client
 * address, so that whatever was typed into the name field (sometimes a password) is not kept
 * readable. The same on every node.
 */
final class ThrottleKeys {

  private ThrottleKeys() {}

  /**
   * The key of a login name. {@link AccountListing} computes the same in SQL to show and filter
   * locked accounts: a change here must be made there too ({@code LoginThrottleIT} lists a locked
   * account by {@code state=LOCKED}).
   */
  static String login(String login) {
    return hash("LOGIN:" + LoginNamePolicy.normalise(login));
  }

  static String address(String address) {
    return hash("ADDRESS:" + address);
  }

  /**
   * The client address as it is counted: IPv4 as is, IPv6 as its /64 network (one subscriber
   * usually holds a whole /64). Empty if it is not an IP address literal.
   */
  static Optional<String> network(String remoteAddress) {
    String literal = remoteAddress.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (literal.endsWith("/64") && literal.contains(":")) {
      literal = literal.substring(0, literal.length() - 3);
    }
    if (literal.isEmpty() || literal.length() > 64) {
      return Optional.empty();
    }
    try {
      InetAddress parsed = InetAddress.ofLiteral(literal);
      if (parsed instanceof Inet6Address) {
        byte[] bytes = parsed.getAddress();
        for (int i = 8; i < 16; i++) {
          bytes[i] = 0;
        }
        return Optional.of(InetAddress.getByAddress(bytes).getHostAddress() + "/64");
      }
      return Optional.of(parsed.getHostAddress());
    } catch (IllegalArgumentException | java.net.UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** For the audit trail: IPv4 without its last byte (/24), IPv6 networks as /48. */
  static String masked(String network) {
    if (network.endsWith("/64")) {
      String[] groups = network.substring(0, network.length() - 3).split(":", -1);
      if (groups.length >= 3) {
        return groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48";
      }
      return "::/48";
    }
    int lastDot = network.lastIndexOf('.');
    return lastDot < 0 ? "?" : network.substring(0, lastDot) + ".0/24";
  }

  private static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
