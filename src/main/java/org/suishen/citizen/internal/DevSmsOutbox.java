package org.suishen.citizen.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * DEVELOPMENT ONLY: the last text messages "sent" by {@link LoggingSmsSender}, newest first, shown
 * on the developer page {@code /dev/sms}. Exists only with the log adapter and {@code
 * suishen.citizen.sms.dev-outbox=true}.
 */
public class DevSmsOutbox {

  /** One message; the phone number is kept masked. */
  public record Message(Instant sentAt, String maskedPhone, String text) {}

  private final int capacity;
  private final Deque<Message> messages = new ArrayDeque<>();

  public DevSmsOutbox(int capacity) {
    this.capacity = Math.max(1, capacity);
  }

  synchronized void add(Message message) {
    messages.addFirst(message);
    while (messages.size() > capacity) {
      messages.removeLast();
    }
  }

  /** Newest first. */
  public synchronized List<Message> messages() {
    return List.copyOf(messages);
  }
}
