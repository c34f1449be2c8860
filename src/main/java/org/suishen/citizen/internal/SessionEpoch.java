package org.suishen.citizen.internal;

/**
 * An account's session epoch: sessions signed in under a lower epoch have ended.
 *
 * @param reason why the epoch was last raised
 */
public record SessionEpoch(int epoch, SessionEnd reason) {

  /** Whether a session signed in under {@code sessionEpoch} is still valid. */
  public boolean admits(int sessionEpoch) {
    return sessionEpoch >= epoch;
  }
}
