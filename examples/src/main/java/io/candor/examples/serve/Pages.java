package io.candor.examples.serve;

import io.candor.examples.serve.CandorServer.Response;
import java.util.Map;

/** The pages by path; each renders its form and, after a submission, its results. */
final class Pages {

  /** One page of the application. */
  interface Page {
    /** Title for the head and the heading. */
    String title();

    /** The page's content for a form (empty on a first visit), with an error message or null. */
    String body(Form form, String error);

    /** The results of a submitted form; throws IllegalArgumentException for bad input. */
    String results(Form form);
  }

  private final Map<String, Page> pages = Map.of(
      "/", new StartPage(),
      "/explorer", new ExplorerPage(),
      "/research", new ResearchPage(),
      "/caseload", new CaseloadPage());

  boolean exists(String path) {
    return pages.containsKey(path);
  }

  Response render(String path, Form form, String error, int status) {
    Page p = pages.get(path);
    return Response.html(status, Html.page(p.title(), path, p.body(form, error)
        + "<section id=\"results\" aria-live=\"polite\" aria-label=\"Results\"></section>"));
  }

  Response submit(String path, Form form) {
    Page p = pages.get(path);
    String results;
    try {
      results = p.results(form);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      return render(path, form, e.getMessage(), 400);
    }
    return Response.html(200, Html.page(p.title(), path, p.body(form, null)
        + "<section id=\"results\" aria-live=\"polite\" aria-label=\"Results\">" + results
        + "</section>"));
  }
}
