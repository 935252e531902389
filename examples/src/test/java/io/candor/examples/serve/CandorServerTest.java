package io.candor.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.examples.cli.CandorCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's safety rules, over plain HTTP (the browser tests cover the pages). */
class CandorServerTest {

  private static CandorServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = CandorServer.start(0, 16 * 1024);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String type, byte[] body)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A raw request, so that the Host header can be anything. */
  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void listensOnTheLoopbackAddressOnly() {
    assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
  }

  @Test
  void everyPage_forbidsCachingAndOutsideResources() throws Exception {
    for (String path : new String[] {"/", "/explorer", "/caseload", "/research"}) {
      HttpResponse<String> r = get(path);
      assertEquals(200, r.statusCode(), path);
      assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
      String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertTrue(csp.startsWith("default-src 'none'"), csp);
      assertFalse(csp.contains("http"), "no outside source in " + csp);
      assertFalse(r.body().contains("http://") || r.body().contains("https://"),
          path + " refers to nothing outside");
    }
    HttpResponse<String> css = get("/static/candor.css");
    assertEquals(200, css.statusCode());
    assertFalse(css.body().contains("http"), "the stylesheet loads nothing from outside");
    assertEquals(200, get("/static/DejaVuSans.ttf").statusCode());
  }

  @Test
  void aForeignHostHeader_isRefused() throws IOException {
    String answer = raw("GET / HTTP/1.1\r\nHost: attacker.example:" + server.port()
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
    String ok = raw("GET / HTTP/1.1\r\nHost: localhost:" + server.port()
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(ok.startsWith("HTTP/1.1 200"), ok.substring(0, 40));
  }

  @Test
  void oversizedAndMalformedBodies_getAPageWithTheReason() throws Exception {
    HttpResponse<String> big = post("/research", "multipart/form-data; boundary=x",
        new byte[40 * 1024]);
    assertEquals(413, big.statusCode());
    assertTrue(big.body().contains("larger than this server&#39;s limit of 16 KB"), big.body());
    HttpResponse<String> cut = post("/research", "multipart/form-data; boundary=x",
        ("--x\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\nid").getBytes(
            StandardCharsets.UTF_8));
    assertEquals(400, cut.statusCode());
    assertTrue(cut.body().contains("it ends inside a part"), cut.body());
    HttpResponse<String> json = post("/explorer", "application/json", "{}".getBytes(
        StandardCharsets.UTF_8));
    assertEquals(400, json.statusCode());
    assertTrue(json.body().contains("send it as a form"), json.body());
    assertEquals(200, get("/explorer").statusCode(), "still serving");
  }

  @Test
  void unknownPathsAndMethods_areAnswered() throws Exception {
    assertEquals(404, get("/nowhere").statusCode());
    HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()))
        .PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, put.statusCode());
  }

  @Test
  void urlEncodedForms_workAsMultipartOnes() throws Exception {
    HttpResponse<String> r = post("/explorer", "application/x-www-form-urlencoded",
        "instrument=PHQ-9&intake=18&observed=1%3A17&sessions=6".getBytes(StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("id=\"mean-6\""), "results up to session 6");
  }

  @Test
  void aPortInUse_isAClearCommandLineError() {
    StringWriter err = new StringWriter();
    int status = CandorCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "serve",
        "--port", Integer.toString(server.port()));
    assertEquals(2, status);
    assertTrue(err.toString().startsWith("candor: port " + server.port()
        + " on 127.0.0.1 is in use"), err.toString());
    var e = assertThrows(IllegalArgumentException.class, () -> CandorServer.start(70000, 4096));
    assertTrue(e.getMessage().contains("--port must be between 0 and 65535, was 70000"));
    err = new StringWriter();
    assertEquals(2, CandorCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
        "serve", "--max-upload-mb", "0"));
    assertTrue(err.toString().contains("--max-upload-mb must be between 1 and 4096, was 0"));
  }
}
