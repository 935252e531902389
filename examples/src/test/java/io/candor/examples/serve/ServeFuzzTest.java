package io.candor.examples.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.candor.expectation.Expectations;
import io.candor.robustness.Refusals;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzz target for what {@code candor serve} does with a submitted form, without a server: the
 * request body is parsed by {@link Form#parse} under any content type, and the form is handed to
 * the page it was sent to, as {@link Pages#submit} does. A malformed body is refused with an
 * {@link IllegalArgumentException}; a page either gives its results or refuses with an
 * {@link IllegalArgumentException} (or {@link UncheckedIOException}), which the server shows as
 * the page's error. Any other exception would reach the user as an "internal error" page and is a
 * bug; so is a refusal whose message is not one line naming one value (checked by
 * {@link Refusals}; against the uploaded file, which the target can upload again with a line
 * altered, unless the message is about a form field, which starts with the field's option name,
 * {@code --intake ...}). The page is then drawn again with its form and the
 * error, as the server does.
 *
 * <p>An input is the page's path on the first line, the {@code Content-Type} header on the second,
 * then the request body as bytes. So that the target checks input handling rather than
 * throughput, forms asking the caseload page for a flow larger than {@value #LARGEST} (weeks,
 * therapists, capacity, referrals or horizon) or the research page for more than {@value
 * #MOST_STARTS} random starts per K are skipped, and the explorer page simulates {@value
 * #CLIENTS} clients (and {@value #SENSITIVITY_CLIENTS} per end of a plausible range) on one thread
 * rather than {@code candor report}'s 20,000 and 5,000: the same code on fewer clients.
 */
class ServeFuzzTest {

  private static final int CLIENTS = 500;

  private static final int SENSITIVITY_CLIENTS = 200;

  /** The pages by path, as {@link Pages} holds them (the explorer on a smaller simulation). */
  private static final Map<String, Pages.Page> PAGES = Map.of(
      "/", new StartPage(),
      "/explorer", new ExplorerPage(Expectations.withDefaults().withClients(CLIENTS)
          .withSensitivityClients(SENSITIVITY_CLIENTS).withThreads(1)),
      "/research", new ResearchPage(),
      "/caseload", new CaseloadPage());

  /** Fields that size the caseload page's simulated flow. */
  private static final List<String> FLOW_SIZE =
      List.of("weeks", "therapists", "capacity", "referrals", "horizon");

  private static final int LARGEST = 60;

  private static final int MOST_STARTS = 10;

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?");

  /** Path, content type and body of a submitted form. */
  @FuzzTest(maxDuration = "5m")
  void submit(byte[] input) {
    int first = indexOf(input, 0);
    int second = first < 0 ? -1 : indexOf(input, first + 1);
    if (second < 0) {
      return;
    }
    String path = new String(input, 0, first, StandardCharsets.UTF_8);
    String contentType = new String(input, first + 1, second - first - 1, StandardCharsets.UTF_8);
    byte[] body = Arrays.copyOfRange(input, second + 1, input.length);
    Form form;
    try {
      form = Form.parse(contentType, body);
    } catch (IllegalArgumentException e) {
      // the message names the bad field or content type and quotes its text, which may look like
      // anything
      Refusals.checkQuoting(e, new String(input, StandardCharsets.UTF_8));
      return;
    }
    Pages.Page page = PAGES.get(path);
    if (page == null || tooLarge(form)) {
      return;
    }
    String error = null;
    try {
      assertNotNull(page.results(form));
    } catch (IllegalArgumentException | UncheckedIOException e) {
      error = e.getMessage();
      byte[] uploaded = form.file("data").or(() -> form.file("model")).map(Upload::bytes)
          .orElse(new byte[0]);
      String upload = new String(uploaded, StandardCharsets.UTF_8);
      if (error.startsWith("--")) {
        Refusals.checkMessage(error); // about a form field: naming its value is right
      } else {
        Refusals.checkMessage(error, upload,
            other -> refusal(page, contentType, body, uploaded, other));
      }
    }
    String shown = page.body(form, error);
    assertFalse(shown.isEmpty(), path);
  }

  /**
   * What the page says when the same request uploads other text instead, for {@link Refusals} to
   * tell a line of the file the message repeats from one copying its words; empty if the page
   * gives results (or the upload is not found in the body as it was sent).
   */
  private static Optional<String> refusal(Pages.Page page, String contentType, byte[] body,
      byte[] uploaded, String other) {
    int at = uploaded.length == 0 ? -1 : Form.indexOf(body, uploaded, 0);
    if (at < 0) {
      return Optional.empty();
    }
    byte[] text = other.getBytes(StandardCharsets.UTF_8);
    byte[] changed = new byte[body.length - uploaded.length + text.length];
    System.arraycopy(body, 0, changed, 0, at);
    System.arraycopy(text, 0, changed, at, text.length);
    System.arraycopy(body, at + uploaded.length, changed, at + text.length,
        body.length - at - uploaded.length);
    try {
      page.results(Form.parse(contentType, changed));
      return Optional.empty();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static boolean tooLarge(Form form) {
    for (String name : FLOW_SIZE) {
      if (above(form, name, LARGEST)) {
        return true;
      }
    }
    return above(form, "starts", MOST_STARTS);
  }

  /** Whether the field holds a number above the limit. */
  private static boolean above(Form form, String name, int limit) {
    Matcher m = NUMBER.matcher(form.field(name, ""));
    while (m.find()) {
      if (Double.parseDouble(m.group()) > limit) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
