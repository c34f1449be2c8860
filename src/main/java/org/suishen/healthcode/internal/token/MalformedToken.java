package org.suishen.healthcode.internal.token;

/** The codec's one rejection: the text is not a well-formed token. Carries no input data. */
public final class MalformedToken extends RuntimeException {

  public MalformedToken(String why) {
    super(why, null, false, false);
  }
}
