package io.candor.examples.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code candor serve} web application on the JDK's HTTP server ({@code jdk.httpserver}).
 *
 * <p>Safe by default: it listens on the loopback address only and answers only requests whose
 * {@code Host} is this machine's own name and port (so a web page elsewhere cannot reach it by DNS
 * rebinding); request bodies are read into memory up to a limit and never written to disk;
 * responses forbid caching and allow only the application's own styles, script and font (a
 * Content Security Policy without any outside source). A bad request gets a page with the error
 * and the server keeps serving; an unexpected failure inside Candor gets a one-line "internal
 * error" page, and the server keeps serving too.
 */
public final class CandorServer implements AutoCloseable {

  /** Default upload limit: 64 MiB, enough for about three million long-format rows. */
  public static final long DEFAULT_MAX_UPLOAD = 64L << 20;

  /**
   * Only the application's own files; inline {@code style} attributes are allowed because the
   * inline SVG charts carry their colours in them (no inline {@code <style>} or script).
   */
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self';"
      + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private static final Map<String, String> STATIC = Map.of(
      "/static/candor.css", "text/css; charset=utf-8",
      "/static/candor.js", "text/javascript; charset=utf-8",
      "/static/DejaVuSans.ttf", "font/ttf",
      "/static/DejaVuSans-Bold.ttf", "font/ttf");

  private final HttpServer server;
  private final ExecutorService pool;
  private final long maxUpload;
  private final Pages pages;

  private CandorServer(HttpServer server, ExecutorService pool, long maxUpload, Pages pages) {
    this.server = server;
    this.pool = pool;
    this.maxUpload = maxUpload;
    this.pages = pages;
  }

  /**
   * Starts a server on 127.0.0.1.
   *
   * @param port the port, 0 to 65535 (0: any free port)
   * @param maxUpload the largest request body accepted, in bytes (at least 1 KiB)
   * @return the running server
   * @throws IllegalArgumentException if the port is out of range or in use, or the limit too small
   */
  public static CandorServer start(int port, long maxUpload) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
    }
    if (maxUpload < 1024) {
      throw new IllegalArgumentException("the upload limit must be at least 1 KiB, was "
          + maxUpload + " bytes");
    }
    InetAddress loopback = InetAddress.getLoopbackAddress();
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(loopback, port), 50);
    } catch (BindException e) {
      throw new IllegalArgumentException("port " + port + " on " + loopback.getHostAddress()
          + " is in use (by another candor serve or another program); choose another with"
          + " --port N, or --port 0 for any free port", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + loopback.getHostAddress() + ":" + port
          + ": " + e.getMessage(), e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "candor-serve-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    CandorServer s = new CandorServer(http, pool, maxUpload, new Pages());
    http.createContext("/", s::handle);
    http.setExecutor(pool);
    http.start();
    return s;
  }

  /**
   * The port it listens on (the one chosen when started with port 0).
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The address to open in a browser.
   *
   * @return e.g. {@code http://127.0.0.1:8080/}
   */
  public String url() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/";
  }

  /** Stops the server, waiting up to a second for requests under way. */
  @Override
  public void close() {
    server.stop(1);
    pool.shutdownNow();
  }

  private void handle(HttpExchange ex) {
    try {
      Response r;
      try {
        r = respond(ex);
      } catch (RuntimeException | StackOverflowError e) {
        r = Response.html(500, Html.page("Internal error", "", Html.error(
            "internal error (please report): " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
      }
      send(ex, r);
    } catch (IOException e) {
      // the browser went away mid-response: nothing to tell it
    } finally {
      ex.close();
    }
  }

  private Response respond(HttpExchange ex) throws IOException {
    if (!allowedHost(ex.getRequestHeaders().getFirst("Host"))) {
      drain(ex.getRequestBody());
      return Response.text(421, "Candor answers only requests addressed to 127.0.0.1:" + port()
          + " or localhost:" + port() + ".\n");
    }
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = ex.getRequestURI().getPath();
    if (method.equals("GET") && STATIC.containsKey(path)) {
      return staticFile(path);
    }
    if (!method.equals("GET") && !method.equals("POST")) {
      drain(ex.getRequestBody());
      return Response.text(405, "Only GET and POST are used here.\n");
    }
    if (!pages.exists(path)) {
      drain(ex.getRequestBody());
      return Response.html(404, Html.page("Not found", "", Html.error("There is no page " + path
          + " here; the pages are listed at the top.")));
    }
    Form form;
    if (method.equals("POST")) {
      long declared = contentLength(ex.getRequestHeaders());
      byte[] body = declared > maxUpload ? null : readLimited(ex.getRequestBody());
      if (body == null) {
        drain(ex.getRequestBody());
        return pages.render(path, Form.empty(), "the upload is " + size(declared > 0 ? declared
            : maxUpload + 1) + ", larger than this server's limit of " + size(maxUpload)
            + "; start candor serve with a larger --max-upload-mb, or upload a smaller file",
            413);
      }
      try {
        form = Form.parse(ex.getRequestHeaders().getFirst("Content-Type"), body);
      } catch (IllegalArgumentException e) {
        return pages.render(path, Form.empty(), e.getMessage(), 400);
      }
      return pages.submit(path, form);
    }
    return pages.render(path, Form.empty(), null, 200);
  }

  private boolean allowedHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return Set.of("127.0.0.1:" + port(), "localhost:" + port()).contains(h);
  }

  private static long contentLength(Headers h) {
    String v = h.getFirst("Content-Length");
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body, or null when it exceeds the limit. */
  private byte[] readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > maxUpload) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Reads and discards what is left of a request body, so that the browser finishes sending and
   * shows the answer (a browser cut off mid-upload shows a connection error instead); bounded, so
   * an endless body cannot hold a worker for ever.
   */
  private void drain(InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    long left = Math.max(maxUpload, 1L << 20) * 16;
    int n;
    while (left > 0 && (n = in.read(buf)) > 0) {
      left -= n;
    }
  }

  private static String size(long bytes) {
    return bytes >= (1L << 20)
        ? String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20))
        : String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
  }

  private Response staticFile(String path) throws IOException {
    String resource = path.startsWith("/static/DejaVu")
        ? "/io/candor/charts/fonts/" + path.substring("/static/".length())
        : "/io/candor/examples/serve" + path;
    try (InputStream in = CandorServer.class.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, resource);
      return new Response(200, STATIC.get(path), in.readAllBytes(), true);
    }
  }

  private static void send(HttpExchange ex, Response r) throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", r.contentType());
    h.set("Cache-Control", r.cacheable() ? "max-age=3600" : "no-store");
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(r.body());
    }
  }

  /** One response. */
  record Response(int status, String contentType, byte[] body, boolean cacheable) {

    static Response html(int status, String page) {
      return new Response(status, "text/html; charset=utf-8",
          page.getBytes(StandardCharsets.UTF_8), false);
    }

    static Response text(int status, String text) {
      return new Response(status, "text/plain; charset=utf-8",
          text.getBytes(StandardCharsets.UTF_8), false);
    }
  }
}
