package io.candor.examples.cli;

import io.candor.examples.serve.CandorServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor serve}: the local web application (expectation explorer, caseload and research
 * pages) until interrupted.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "A local web application: the expectation explorer, the caseload page and the research"
          + " page, in your browser.",
      "Listens on 127.0.0.1 only; uploads stay in memory for one request and are never stored;"
          + " nothing is loaded from or sent to the internet. Stop it with Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
      description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(names = "--max-upload-mb", defaultValue = "64", paramLabel = "MB",
      description = "Largest upload accepted, in MiB (default ${DEFAULT-VALUE}).")
  int maxUploadMb;

  @Override
  public Integer call() throws InterruptedException {
    if (maxUploadMb < 1 || maxUploadMb > 4096) {
      throw new IllegalArgumentException("--max-upload-mb must be between 1 and 4096, was "
          + maxUploadMb);
    }
    CandorServer server = CandorServer.start(port, (long) maxUploadMb << 20);
    PrintWriter out = spec.commandLine().getOut();
    out.println("candor serve: open " + server.url() + " in your browser (this computer only);"
        + " Ctrl-C stops it.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "candor-serve-stop"));
    stopped.await();
    return 0;
  }
}
