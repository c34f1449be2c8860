package org.suishen.citizen.sms;

/**
 * Sends one text message to a mainland mobile number. Implementations must not log the phone number
 * unmasked, nor the text in production.
 */
public interface SmsSender {

  /**
   * Sends the text or throws {@link SmsDeliveryException} if the gateway did not accept it.
   *
   * @param phone 11-digit mainland mobile number, already validated
   */
  void send(String phone, String text);
}
