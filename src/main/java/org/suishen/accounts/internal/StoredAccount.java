package org.suishen.accounts.internal;

import org.suishen.accounts.Account;

/**
 * An account with what only the login needs: the password hash and the credentials version (raised
 * on every change of the credentials or of the enabled flag).
 */
record StoredAccount(Account account, String passwordHash, int credentialsVersion) {

  @Override
  public String toString() {
    return "StoredAccount[" + account + ", credentialsVersion=" + credentialsVersion + "]";
  }
}
