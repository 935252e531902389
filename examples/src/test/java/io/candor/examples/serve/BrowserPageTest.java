package io.candor.examples.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/** A server with the default upload limit and a fresh headless browser for one test class. */
abstract class BrowserPageTest {

  static CandorServer server;
  static ChromeDriver browser;

  @BeforeAll
  static void startServerAndBrowser() {
    browser = Browser.start();
    server = CandorServer.start(0, CandorServer.DEFAULT_MAX_UPLOAD);
  }

  @AfterAll
  static void stopServerAndBrowser() {
    Browser.quit(browser);
    if (server != null) {
      server.close();
    }
  }
}
