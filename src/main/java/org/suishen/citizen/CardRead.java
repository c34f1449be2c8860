package org.suishen.citizen;

import org.suishen.identity.IdentityDocument;

/**
 * What a card reader at a kiosk or a staff desk read from an ID card's chip (居民身份证阅读器): the
 * document and the name as the card itself carries them. Only channels with a reader have one.
 */
public record CardRead(IdentityDocument document, String name) {

  @Override
  public String toString() {
    return "CardRead[" + document.type() + "]";
  }
}
