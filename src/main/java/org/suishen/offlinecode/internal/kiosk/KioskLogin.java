package org.suishen.offlinecode.internal.kiosk;

import org.jspecify.annotations.Nullable;

/**
 * What the kiosk submits to log a person in (003 step 2): what the ID card's chip gave (document
 * type, number, name), or the payload its scanner read from a live code or a proxy code.
 */
public record KioskLogin(
    Method method,
    @Nullable String documentType,
    @Nullable String documentNumber,
    @Nullable String name,
    @Nullable String payload) {

  /** 身份证登录, 随申办登录 (the live code), 亲属码登录 (the proxy code). */
  public enum Method {
    ID_CARD,
    LIVE_CODE,
    PROXY_CODE
  }
}
