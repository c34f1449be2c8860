package org.suishen.citizen.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.suishen.citizen.CarrierRealNames;
import org.suishen.identity.IdentityDocument;

/**
 * DEVELOPMENT carrier ({@code suishen.citizen.identity.carrier=development}, demo and test
 * profiles): knows only the numbers registered here (by tests), and answers UNKNOWN for every other
 * number. See {@link CarrierRealNames} for the real integration point.
 */
@Component
@ConditionalOnProperty(name = CarrierSelection.CARRIER, havingValue = "development")
public class DevelopmentCarrierRealNames implements CarrierRealNames {

  private final Map<String, IdentityDocument> owners = new ConcurrentHashMap<>();

  /** Registers the number to the document, as a carrier's shop does with the ID card. */
  public void register(String phone, IdentityDocument owner) {
    owners.put(phone, owner);
  }

  @Override
  public Answer ask(String phone, IdentityDocument document, String name) {
    IdentityDocument owner = owners.get(phone);
    if (owner == null) {
      return Answer.UNKNOWN;
    }
    return owner.equals(document) ? Answer.MATCH : Answer.MISMATCH;
  }
}
