package io.candor.examples.serve;

/** The start page: what each page is for. */
final class StartPage implements Pages.Page {

  @Override
  public String title() {
    return "Start";
  }

  @Override
  public String body(Form form, String error) {
    return "<h1>Candor on this computer</h1>"
        + "<p>Realistic expectations about psychotherapy outcomes. Everything is computed here"
        + " and kept only for the length of one request.</p><ul class=\"cards\">"
        + "<li><h2><a href=\"/explorer\">Expectation explorer</a></h2><p>One client: the expected"
        + " range of scores session by session, how the latest score compares (alert), whether"
        + " the change so far is reliable, and the picture.</p></li>"
        + "<li><h2><a href=\"/caseload\">Caseload</a></h2><p>Your current clients' scores:"
        + " the expected mix of outcomes by a session, with ranges and an icon array; and a"
        + " caseload simulated over the weeks: who waits, who is in treatment, who stays.</p>"
        + "</li><li><h2><a href=\"/research\">Research</a></h2><p>Upload a long-format CSV (one row"
        + " per client and session): growth model, non-linear patterns and time to reliable"
        + " improvement, with charts.</p></li></ul>";
  }

  @Override
  public String results(Form form) {
    return "";
  }
}
