package org.suishen.shared.admission.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator for {@code bench/overload}: requests are sent at a fixed rate
 * whatever the answers do (as a city's phones do at 08:31), and each latency counts from the moment
 * the request was due, not from when it went out (no coordinated omission). Admitted answers (2xx),
 * polite refusals (503 or 429; whether they carried {@code Retry-After}) and failures are counted
 * apart. Beside the flood, a probe sends a low steady rate to a path of another class of work, to
 * show that the flood does not starve it.
 *
 * <p>One thread, non-blocking sockets and HTTP/1.1 keep-alive connections, one request at a time on
 * each: a due request takes an idle connection or opens a new one, up to a cap (beyond it the
 * request is counted as not sent: the generator, not the server, is the limit). The JDK's {@code
 * HttpClient} of the first version cost so much per request that on two shared cores it saturated
 * before the server did.
 *
 * <p>Arguments: base URL, flooded path, probe path, cookie file (one {@code Cookie} value a line,
 * used in turn), the steps as rates per second ({@code 2000,4000,6000,10000}), seconds per step,
 * probe rate per second, most connections of the flood.
 *
 * <p>Prints one line per step, then the recovery: the flood back at the first step's rate, and the
 * seconds until a whole second passes with no refusal and a p99 under 250 ms.
 */
public final class OpenLoopLoad {

  private static final long TIMEOUT_NANOS = 10_000_000_000L;
  private static final byte[] LINE_END = {'\r', '\n'};
  private static final byte[] BLANK_LINE = {'\r', '\n', '\r', '\n'};

  /** What one stream saw in one step. */
  static final class Tally {
    final Histogram admitted = new Histogram(60_000_000_000L, 3);
    final Histogram refused = new Histogram(60_000_000_000L, 3);
    long refusedWithoutRetryAfter;
    long failed;
    long notSent;

    /** The answers neither admitted nor refused politely, by status: what "failed" was. */
    final java.util.TreeMap<Integer, Long> otherStatuses = new java.util.TreeMap<>();

    long all() {
      return admitted.getTotalCount() + refused.getTotalCount() + failed + notSent;
    }
  }

  /** Requests to one path at one rate, on their own connections. */
  static final class Stream {
    final String path;
    final List<String> cookies;
    final long interval;
    final long total;
    final int maxConnections;
    final Tally tally = new Tally();
    final ArrayDeque<Connection> idle = new ArrayDeque<>();
    final List<Connection> open = new ArrayList<>();
    long start;
    long next;

    Stream(String path, List<String> cookies, int rate, int seconds, int maxConnections) {
      this.path = path;
      this.cookies = cookies;
      this.interval = 1_000_000_000L / rate;
      this.total = (long) rate * seconds;
      this.maxConnections = maxConnections;
    }

    long due(long i) {
      return start + i * interval;
    }

    boolean sending() {
      return next < total;
    }

    long busy() {
      return open.size() - idle.size();
    }
  }

  /** One keep-alive connection: at most one request on it at a time. */
  static final class Connection {
    final Stream stream;
    final SocketChannel channel;
    final SelectionKey key;
    ByteBuffer out = ByteBuffer.allocate(0);
    ByteBuffer in = ByteBuffer.allocate(4096);
    boolean connected;
    boolean waiting;
    long due;

    Connection(Stream stream, SocketChannel channel, SelectionKey key) {
      this.stream = stream;
      this.channel = channel;
      this.key = key;
    }
  }

  /** A whole answer parsed from the start of a buffer. */
  record Answer(int status, boolean retryAfter, boolean close, int length) {}

  private final InetSocketAddress address;
  private final String host;
  private final Selector selector;
  private long cursor;
  private long timeoutsChecked;

  /** When the last run's streams were due to stop sending: the moment the load dropped. */
  private long sendingEnded;

  OpenLoopLoad(URI base) throws IOException {
    this.address = new InetSocketAddress(base.getHost(), base.getPort());
    this.host = base.getHost() + ":" + base.getPort();
    this.selector = Selector.open();
  }

  public static void main(String[] args) throws Exception {
    var load = new OpenLoopLoad(URI.create(args[0]));
    String path = args[1];
    String probePath = args[2];
    List<String> cookies = Files.readAllLines(Path.of(args[3]));
    List<Integer> rates = new ArrayList<>();
    for (String rate : args[4].split(",")) {
      rates.add(Integer.parseInt(rate.trim()));
    }
    int seconds = Integer.parseInt(args[5]);
    int probeRate = Integer.parseInt(args[6]);
    int maxConnections = Integer.parseInt(args[7]);

    System.out.printf(
        Locale.ROOT,
        "step   offered/s  admitted/s  adm p50 ms  adm p99 ms  refused/s  ref p99 ms"
            + "  no-Retry-After  failed  not-sent | probe ok %%  probe p99 ms%n");
    for (int rate : rates) {
      var flood = new Stream(path, cookies, rate, seconds, maxConnections);
      var probe = new Stream(probePath, cookies, probeRate, seconds, 64);
      load.run(List.of(flood, probe));
      Tally f = flood.tally;
      Tally p = probe.tally;
      System.out.printf(
          Locale.ROOT,
          "%4.1fx  %9d  %10.0f  %10.1f  %10.1f  %9.0f  %10.1f  %14d  %6d  %8d | %9.1f  %12.1f%n",
          (double) rate / rates.get(0),
          rate,
          f.admitted.getTotalCount() / (double) seconds,
          ms(f.admitted.getValueAtPercentile(50)),
          ms(f.admitted.getValueAtPercentile(99)),
          f.refused.getTotalCount() / (double) seconds,
          ms(f.refused.getValueAtPercentile(99)),
          f.refusedWithoutRetryAfter,
          f.failed,
          f.notSent,
          p.all() == 0 ? 0 : 100.0 * p.admitted.getTotalCount() / p.all(),
          ms(p.admitted.getValueAtPercentile(99)));
      if (f.failed > 0 || p.failed > 0) {
        System.out.println(
            "       failed: flood "
                + f.failed
                + " (answers by status "
                + f.otherStatuses
                + "), probe "
                + p.failed
                + " (answers by status "
                + p.otherStatuses
                + "; the rest unanswered or cut)");
      }
      load.close(flood);
      load.close(probe);
    }
    load.recovery(path, cookies, rates.getFirst(), maxConnections);
    System.exit(0);
  }

  /**
   * The flood back at the first step's rate: seconds until a clean second (none refused, p99 < 250
   * ms).
   */
  void recovery(String path, List<String> cookies, int rate, int maxConnections)
      throws IOException {
    long dropped = sendingEnded;
    for (int second = 1; second <= 20; second++) {
      var stream = new Stream(path, cookies, rate, 1, maxConnections);
      run(List.of(stream));
      close(stream);
      Tally tally = stream.tally;
      if (tally.refused.getTotalCount() == 0
          && tally.failed == 0
          && tally.notSent == 0
          && ms(tally.admitted.getValueAtPercentile(99)) < 250) {
        System.out.printf(
            Locale.ROOT,
            "recovery: a clean second (none refused, p99 %.1f ms) ended %.1f s after the load"
                + " dropped to %d/s%n",
            ms(tally.admitted.getValueAtPercentile(99)),
            (System.nanoTime() - dropped) / 1e9,
            rate);
        return;
      }
    }
    System.out.println("recovery: not within 20 s");
  }

  /** Sends each stream's requests at their due times, then waits for the last answers. */
  void run(List<Stream> streams) throws IOException {
    long start = System.nanoTime();
    for (Stream s : streams) {
      s.start = start;
      sendingEnded = Math.max(sendingEnded, s.due(s.total));
    }
    while (true) {
      long now = System.nanoTime();
      long nextDue = Long.MAX_VALUE;
      boolean pending = false;
      for (Stream s : streams) {
        while (s.sending() && s.due(s.next) <= now) {
          send(s, s.due(s.next));
          s.next++;
        }
        if (s.sending()) {
          nextDue = Math.min(nextDue, s.due(s.next));
        }
        pending |= s.sending() || s.busy() > 0;
      }
      if (now - timeoutsChecked > 100_000_000L) {
        timeoutsChecked = now;
        streams.forEach(s -> timeOut(s, now));
      }
      if (!pending) {
        return;
      }
      long waitMillis =
          nextDue == Long.MAX_VALUE ? 10 : Math.max(0, (nextDue - System.nanoTime()) / 1_000_000);
      if (waitMillis == 0) {
        selector.selectNow();
      } else {
        selector.select(waitMillis);
      }
      var keys = selector.selectedKeys();
      for (SelectionKey key : keys) {
        if (key.isValid()) {
          handle((Connection) key.attachment(), key);
        }
      }
      keys.clear();
    }
  }

  private void send(Stream stream, long due) throws IOException {
    Connection connection = stream.idle.poll();
    if (connection == null) {
      if (stream.open.size() >= stream.maxConnections) {
        stream.tally.notSent++;
        return;
      }
      connection = connect(stream);
      if (connection == null) {
        stream.tally.failed++;
        return;
      }
    }
    String cookie = stream.cookies.get((int) (cursor++ % stream.cookies.size()));
    String request =
        "GET "
            + stream.path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nCookie: "
            + cookie
            + "\r\nAccept: application/json\r\n\r\n";
    connection.out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
    connection.in.clear();
    connection.due = due;
    connection.waiting = true;
    if (connection.connected) {
      write(connection);
    }
  }

  private Connection connect(Stream stream) {
    try {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      boolean connected = channel.connect(address);
      SelectionKey key =
          channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT);
      var connection = new Connection(stream, channel, key);
      connection.connected = connected;
      key.attach(connection);
      stream.open.add(connection);
      return connection;
    } catch (IOException e) {
      return null;
    }
  }

  private void handle(Connection c, SelectionKey key) {
    try {
      if (key.isConnectable()) {
        c.channel.finishConnect();
        c.connected = true;
        key.interestOps(SelectionKey.OP_READ);
        if (c.waiting) {
          write(c);
        }
        return;
      }
      if (key.isWritable()) {
        write(c);
      }
      if (key.isReadable()) {
        read(c);
      }
    } catch (IOException e) {
      fail(c);
    }
  }

  private void write(Connection c) throws IOException {
    c.channel.write(c.out);
    c.key.interestOps(
        c.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
  }

  private void read(Connection c) throws IOException {
    if (!c.in.hasRemaining()) {
      ByteBuffer larger = ByteBuffer.allocate(c.in.capacity() * 2);
      c.in.flip();
      larger.put(c.in);
      c.in = larger;
    }
    int n = c.channel.read(c.in);
    if (n < 0) {
      // the server closed it: a failure if an answer was due on it, else just gone
      if (c.waiting) {
        fail(c);
      } else {
        drop(c);
      }
      return;
    }
    if (!c.waiting) {
      return;
    }
    Answer answer = parse(c.in.array(), c.in.position());
    if (answer == null) {
      return;
    }
    long latency = Math.max(0, System.nanoTime() - c.due);
    Tally tally = c.stream.tally;
    if (answer.status() / 100 == 2) {
      tally.admitted.recordValue(Math.min(latency, tally.admitted.getHighestTrackableValue()));
    } else if (answer.status() == 503 || answer.status() == 429) {
      tally.refused.recordValue(Math.min(latency, tally.refused.getHighestTrackableValue()));
      if (!answer.retryAfter()) {
        tally.refusedWithoutRetryAfter++;
      }
    } else {
      tally.failed++;
      tally.otherStatuses.merge(answer.status(), 1L, Long::sum);
    }
    c.waiting = false;
    c.in.clear();
    if (answer.close()) {
      drop(c);
    } else {
      c.stream.idle.push(c);
    }
  }

  /** Requests unanswered for ten seconds count as failed; their connections are closed. */
  private void timeOut(Stream stream, long now) {
    for (Connection c : new ArrayList<>(stream.open)) {
      if (c.waiting && now - c.due > TIMEOUT_NANOS) {
        fail(c);
      }
    }
  }

  private void fail(Connection c) {
    if (c.waiting) {
      c.stream.tally.failed++;
      c.waiting = false;
    }
    drop(c);
  }

  private void drop(Connection c) {
    c.stream.open.remove(c);
    c.stream.idle.remove(c);
    c.key.cancel();
    try {
      c.channel.close();
    } catch (IOException ignored) {
      // closing a socket that failed: nothing more to learn
    }
  }

  void close(Stream stream) {
    for (Connection c : new ArrayList<>(stream.open)) {
      drop(c);
    }
  }

  /**
   * The answer at the start of {@code bytes[0, length)} if it is complete: its status, whether it
   * carries {@code Retry-After} and asks to close, and its length; {@code null} while incomplete.
   * Bodies by {@code Content-Length} or chunked.
   */
  static Answer parse(byte[] bytes, int length) {
    int headerEnd = indexOf(bytes, 0, length, BLANK_LINE);
    if (headerEnd < 0) {
      return null;
    }
    String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
    long contentLength = -1;
    boolean chunked = false;
    boolean retryAfter = false;
    boolean close = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "retry-after" -> retryAfter = true;
        case "connection" -> close = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    int body = headerEnd + 4;
    if (chunked) {
      int at = body;
      while (true) {
        int lineEnd = indexOf(bytes, at, length, LINE_END);
        if (lineEnd < 0) {
          return null;
        }
        String sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
        int semicolon = sizeText.indexOf(';');
        int size =
            Integer.parseInt(
                (semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
        if (size == 0) {
          // no trailers from the servers measured: the last chunk ends with an empty line
          int end = indexOf(bytes, lineEnd, length, BLANK_LINE);
          return end < 0 ? null : new Answer(status, retryAfter, close, end + 4);
        }
        at = lineEnd + 2 + size + 2;
        if (at > length) {
          return null;
        }
      }
    }
    long end = body + Math.max(0, contentLength);
    return end > length ? null : new Answer(status, retryAfter, close, (int) end);
  }

  private static int indexOf(byte[] bytes, int from, int to, byte[] w) {
    outer:
    for (int i = from; i <= to - w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        if (bytes[i + j] != w[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
