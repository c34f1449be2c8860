package org.suishen.sampling;

import org.suishen.shared.security.Actor;

/**
 * Setting up where sampling happens, for provisioning (the demo city, a city's start-up script):
 * each call is idempotent, so running it again changes nothing.
 */
public interface SamplingSetup {

  /**
   * A sampling site (opened when missing) with the given staff logins and devices working at it.
   */
  void ensureSite(
      String code,
      String name,
      String address,
      String district,
      String street,
      String community,
      java.util.List<String> samplersAndTerminals,
      Actor actor);

  /** A lab (opened when missing) with the given lab staff working at it. */
  void ensureLab(String code, String name, java.util.List<String> labStaff, Actor actor);
}
