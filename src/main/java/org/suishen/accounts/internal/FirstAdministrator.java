package org.suishen.accounts.internal;

import org.suishen.shared.problem.SuishenException;

/**
 * The credentials of the first administrator: the configured ones, or, if no password is
 * configured, the configured username with a generated strong password that is printed once.
 *
 * @param generated whether the password was generated (and must therefore be shown once)
 */
record FirstAdministrator(String username, String password, boolean generated) {

  /**
   * Resolves the configuration. A configured username or password that breaks the policies stops
   * the start-up with a message naming the property: a weak first administrator must not exist.
   */
  static FirstAdministrator from(
      AccountsProperties.BootstrapAdmin config,
      LoginNamePolicy logins,
      PasswordPolicy passwords,
      SecretGenerator generator,
      int generatedLength) {
    String username;
    try {
      username = logins.staffUsername(config.username());
    } catch (SuishenException e) {
      throw new IllegalStateException(
          "suishen.accounts.bootstrap-admin.username is not a valid username (3-64 characters:"
              + " lower-case letters, digits, '.', '-', '_', starting with a letter)");
    }
    String configured = config.password();
    if (configured == null || configured.isEmpty()) {
      return new FirstAdministrator(
          username, generator.password(generatedLength, passwords, username), true);
    }
    try {
      passwords.check(username, configured);
    } catch (SuishenException e) {
      throw new IllegalStateException(
          "suishen.accounts.bootstrap-admin.password breaks the password policy ("
              + e.code()
              + "): at least "
              + passwords.minLength()
              + " characters, not containing the username");
    }
    return new FirstAdministrator(username, configured, false);
  }

  /** The framed notice that shows a generated password once; empty when nothing was generated. */
  String notice() {
    if (!generated) {
      return "";
    }
    String rule = "=".repeat(72);
    return String.join(
        System.lineSeparator(),
        "",
        rule,
        "  FIRST ADMINISTRATOR CREATED  /  已创建首个系统管理员",
        "",
        "    username / 用户名:  " + username,
        "    password / 密码:    " + password,
        "",
        "  This password is shown only this once. Log in at /staff/login and change it",
        "  (/staff/password). 此密码仅显示这一次，请登录后立即修改。",
        rule,
        "");
  }

  @Override
  public String toString() {
    return "FirstAdministrator[" + username + ", generated=" + generated + "]";
  }
}
