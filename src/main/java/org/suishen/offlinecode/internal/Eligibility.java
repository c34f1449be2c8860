package org.suishen.offlinecode.internal;

import java.time.LocalDate;
import org.suishen.identity.Person;

/**
 * Who may hold a printed offline code (O2): people under 18, people of 60 or older (from the 60th
 * birthday), and holders of this city's disability certificate (the register's flag). The figures
 * are configuration; every channel refuses the others alike ({@code offlinecode.not-eligible}).
 */
public final class Eligibility {

  private final int minorsUnder;
  private final int eldersFrom;

  public Eligibility(int minorsUnder, int eldersFrom) {
    this.minorsUnder = minorsUnder;
    this.eldersFrom = eldersFrom;
  }

  /** Whether the person may hold a code on {@code today} (the city's day). */
  public boolean eligible(Person person, LocalDate today) {
    if (person.disabilityCertificate()) {
      return true;
    }
    int age = person.ageOn(today);
    return age < minorsUnder || age >= eldersFrom;
  }
}
