package org.suishen.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A bare HTTP/1.1 client over a socket, for requests no ordinary client sends: broken multipart
 * bodies, a declared length the body never reaches. It writes the request as given (the body may be
 * sent only in part), then reads the answer until the server closes the connection.
 */
public final class RawHttp {

  /** An answer: status, headers (names in lower case, the last value wins), body. */
  public record Answer(int status, Map<String, String> headers, String body) {

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String contentType() {
      return header("content-type").orElse("");
    }
  }

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /**
   * Sends the request line and headers ({@code Host} and {@code Connection: close} are added), then
   * whatever {@code body} writes, and reads the answer.
   */
  public Answer send(String method, String path, List<String> headers, Consumer<OutputStream> body)
      throws IOException {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      var head = new StringBuilder();
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      head.append("Host: localhost:").append(port).append("\r\n");
      head.append("Connection: close\r\n");
      for (String header : headers) {
        head.append(header).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        body.accept(out);
        out.flush();
      } catch (SocketException | RuntimeException e) {
        // the server may answer (and stop reading) before the whole body is written
      }
      return read(socket.getInputStream());
    }
  }

  /** Sends a complete body with its {@code Content-Length}. */
  public Answer send(String method, String path, List<String> headers, byte[] body)
      throws IOException {
    var all = new java.util.ArrayList<>(headers);
    all.add("Content-Length: " + body.length);
    return send(
        method,
        path,
        all,
        out -> {
          try {
            out.write(body);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static Answer read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      throw new IOException("no complete answer: " + new String(all, StandardCharsets.UTF_8));
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    var out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.US_ASCII));
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0];
      int length = Integer.parseInt(size.trim(), 16);
      if (length == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, 0, pattern);
  }

  private static int indexOf(byte[] data, int from, byte[] pattern) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
