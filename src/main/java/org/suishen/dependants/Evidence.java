package org.suishen.dependants;

/** How the relationship between holder and dependant was shown (MISSION R2; 001 Q15). */
public enum Evidence {
  /**
   * Both are registered in the same household in the population register: this stands for the
   * household-register e-certificate that the city fetches by itself; approved at once.
   */
  HOUSEHOLD_REGISTER,
  /** The holder uploaded a household-register page (image or PDF); a reviewer decides. */
  UPLOADED_PAGE
}
