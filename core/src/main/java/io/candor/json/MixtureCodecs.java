package io.candor.json;

import io.candor.model.Convergence;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.BootstrapTest;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.ClassSummary;
import io.candor.model.mixture.Degeneracy;
import io.candor.model.mixture.FitFailure;
import io.candor.model.mixture.MembershipCoefficient;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.RandomCovariance;
import io.candor.model.mixture.ResidualVariance;
import io.candor.model.mixture.SelectionCriterion;
import io.candor.model.mixture.StartSummary;
import io.candor.model.mixture.TermEstimate;
import io.candor.model.mixture.TrajectoryClass;
import io.candor.model.mixture.TrajectoryClasses;
import io.candor.model.mixture.WithinClass;
import io.candor.model.mixture.WithinClassSpread;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Codecs for latent trajectory classes ({@code io.candor.model.mixture}); the field names are the
 * wire format documented in {@link CandorJson} and {@code docs/json.md}.
 *
 * <ul>
 *   <li>{@code TrajectoryClasses}: {@code {basis, knot|null, withinClass, residualVariance,
 *       randomCovariance, membershipCovariates[], classes[{index, share, coefficients[{term,
 *       estimate}], residualSd, spread|null}], membership[{classIndex, term, estimate}]}}, spread
 *       {@code {interceptSd, slopeSd|null, correlation|null}}.
 *   <li>{@code MixtureFit}: {@code {k, clients, observations, logLik, parameters, aic, bic,
 *       bicRows, sabic, icl, entropy|null, classificationEntropy, modalLogPosterior,
 *       smallestShare, smallestCount, converged, iterations, convergenceMessage, bestReplicated,
 *       starts{starts, finalStarts, failedStarts, finalLogLiks[]}, degeneracies[{kind,
 *       classIndex|null, detail}], model{basis, knot, withinClass, residualVariance,
 *       randomCovariance, membershipCovariates}, classes[{index, share, count,
 *       avePosterior|null, coefficients, residualSd, spread}], membership[]}}. The derived
 *       numbers (parameters, criteria, entropy, smallest share and count) are checked against the
 *       others when read.
 *   <li>{@code ClassEnumeration}: {@code {criterion, selected, models[MixtureFit], failures[{classes,
 *       reason}], bootstrap[BootstrapTest]}}; {@code selected} is the chosen K.
 *   <li>{@code BootstrapTest}: {@code {classes, statistic, replicates, failedReplicates,
 *       exceedances, pValue}}.
 * </ul>
 */
final class MixtureCodecs {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private MixtureCodecs() {}

  // ------------------------------------------------------------------ TrajectoryClasses

  static ObjectNode write(TrajectoryClasses m) {
    ObjectNode o = F.objectNode();
    writeSettings(m, o);
    ArrayNode cls = o.putArray("classes");
    for (TrajectoryClass c : m.classes()) {
      cls.add(writeClass(c, F.objectNode()));
    }
    writeMembership(m, o);
    return o;
  }

  static TrajectoryClasses readTrajectoryClasses(JsonIn in) {
    in.only("basis", "knot", "withinClass", "residualVariance", "randomCovariance",
        "membershipCovariates", "classes", "membership");
    List<TrajectoryClass> cls = in.field("classes").list(c -> {
      c.only("index", "share", "coefficients", "residualSd", "spread");
      return readClass(c);
    });
    return readModel(in, in, cls);
  }

  private static void writeSettings(TrajectoryClasses m, ObjectNode o) {
    o.put("basis", m.basis().name());
    if (m.knot().isPresent()) {
      o.put("knot", m.knot().getAsDouble());
    } else {
      o.putNull("knot");
    }
    o.put("withinClass", m.withinClass().name());
    o.put("residualVariance", m.residualVariance().name());
    o.put("randomCovariance", m.randomCovariance().name());
    ArrayNode covs = o.putArray("membershipCovariates");
    m.membershipCovariates().forEach(covs::add);
  }

  private static void writeMembership(TrajectoryClasses m, ObjectNode o) {
    ArrayNode mem = o.putArray("membership");
    for (MembershipCoefficient c : m.membership()) {
      ObjectNode x = mem.addObject();
      x.put("classIndex", c.classIndex());
      x.put("term", c.term());
      x.put("estimate", c.estimate());
    }
  }

  private static ObjectNode writeClass(TrajectoryClass c, ObjectNode o) {
    o.put("index", c.index());
    o.put("share", c.share());
    ArrayNode co = o.putArray("coefficients");
    for (TermEstimate t : c.coefficients()) {
      ObjectNode x = co.addObject();
      x.put("term", t.term());
      x.put("estimate", t.estimate());
    }
    o.put("residualSd", c.residualSd());
    if (c.spread().isPresent()) {
      WithinClassSpread s = c.spread().get();
      ObjectNode x = o.putObject("spread");
      x.put("interceptSd", s.interceptSd());
      putOptional(x, "slopeSd", s.slopeSd());
      putOptional(x, "correlation", s.correlation());
    } else {
      o.putNull("spread");
    }
    return o;
  }

  private static TrajectoryClass readClass(JsonIn c) {
    int index = c.field("index").integer();
    double share = c.field("share").number();
    List<TermEstimate> co = c.field("coefficients").list(t -> {
      t.only("term", "estimate");
      String term = t.field("term").string();
      double estimate = t.field("estimate").number();
      return t.at(() -> new TermEstimate(term, estimate));
    });
    double residualSd = c.field("residualSd").number();
    Optional<WithinClassSpread> spread = c.optional("spread").map(s -> {
      s.only("interceptSd", "slopeSd", "correlation");
      double isd = s.field("interceptSd").number();
      OptionalDouble ssd = optionalNumber(s, "slopeSd");
      OptionalDouble cor = optionalNumber(s, "correlation");
      return s.at(() -> new WithinClassSpread(isd, ssd, cor));
    });
    return c.at(() -> new TrajectoryClass(index, share, co, residualSd, spread));
  }

  /** The model from the settings in {@code settings} and the membership in {@code in}. */
  private static TrajectoryClasses readModel(JsonIn settings, JsonIn in,
      List<TrajectoryClass> cls) {
    TimeBasis basis = settings.field("basis").enumValue(TimeBasis.class);
    OptionalDouble knot = optionalNumber(settings, "knot");
    WithinClass within = settings.field("withinClass").enumValue(WithinClass.class);
    ResidualVariance residual = settings.field("residualVariance")
        .enumValue(ResidualVariance.class);
    RandomCovariance random = settings.field("randomCovariance")
        .enumValue(RandomCovariance.class);
    List<String> covs = settings.field("membershipCovariates").list(JsonIn::string);
    List<MembershipCoefficient> mem = in.field("membership").list(x -> {
      x.only("classIndex", "term", "estimate");
      int k = x.field("classIndex").integer();
      String term = x.field("term").string();
      double estimate = x.field("estimate").number();
      return x.at(() -> new MembershipCoefficient(k, term, estimate));
    });
    return in.at(() -> TrajectoryClasses.of(basis, knot, within, residual, random, covs, cls,
        mem));
  }

  // ------------------------------------------------------------------ MixtureFit

  static ObjectNode write(MixtureFit f) {
    ObjectNode o = F.objectNode();
    o.put("k", f.classes());
    o.put("clients", f.clients());
    o.put("observations", f.observations());
    o.put("logLik", f.logLik());
    o.put("parameters", f.parameterCount());
    o.put("aic", f.aic());
    o.put("bic", f.bic());
    o.put("bicRows", f.bicRows());
    o.put("sabic", f.sabic());
    o.put("icl", f.icl());
    putOptional(o, "entropy", f.relativeEntropy());
    o.put("classificationEntropy", f.classificationEntropy());
    o.put("modalLogPosterior", f.modalLogPosterior());
    o.put("smallestShare", f.smallestShare());
    o.put("smallestCount", f.smallestCount());
    o.put("converged", f.converged());
    o.put("iterations", f.convergence().iterations());
    o.put("convergenceMessage", f.convergence().message());
    o.put("bestReplicated", f.bestReplicated());
    ObjectNode st = o.putObject("starts");
    st.put("starts", f.starts().starts());
    st.put("finalStarts", f.starts().finalStarts());
    st.put("failedStarts", f.starts().failedStarts());
    ArrayNode lls = st.putArray("finalLogLiks");
    f.starts().finalLogLiks().forEach(lls::add);
    ArrayNode deg = o.putArray("degeneracies");
    for (Degeneracy d : f.degeneracies()) {
      ObjectNode x = deg.addObject();
      x.put("kind", d.kind().name());
      if (d.classIndex().isPresent()) {
        x.put("classIndex", d.classIndex().getAsInt());
      } else {
        x.putNull("classIndex");
      }
      x.put("detail", d.detail());
    }
    writeSettings(f.model(), o.putObject("model"));
    ArrayNode cls = o.putArray("classes");
    for (int j = 0; j < f.classes(); j++) {
      TrajectoryClass c = f.model().classes().get(j);
      ClassSummary s = f.classSummaries().get(j);
      ObjectNode x = cls.addObject();
      x.put("index", c.index());
      x.put("share", c.share());
      x.put("count", s.count());
      putOptional(x, "avePosterior", s.avePosterior());
      writeClass(c, F.objectNode()).properties().forEach(e -> {
        if (!e.getKey().equals("index") && !e.getKey().equals("share")) {
          x.set(e.getKey(), e.getValue());
        }
      });
    }
    writeMembership(f.model(), o);
    return o;
  }

  static MixtureFit readMixtureFit(JsonIn in) {
    in.only("k", "clients", "observations", "logLik", "parameters", "aic", "bic", "bicRows",
        "sabic", "icl", "entropy", "classificationEntropy", "modalLogPosterior", "smallestShare",
        "smallestCount", "converged", "iterations", "convergenceMessage", "bestReplicated",
        "starts", "degeneracies", "model", "classes", "membership");
    JsonIn settings = in.field("model");
    settings.only("basis", "knot", "withinClass", "residualVariance", "randomCovariance",
        "membershipCovariates");
    List<TrajectoryClass> cls = new ArrayList<>();
    List<ClassSummary> summaries = new ArrayList<>();
    for (JsonIn c : in.field("classes").array()) {
      c.only("index", "share", "count", "avePosterior", "coefficients", "residualSd", "spread");
      TrajectoryClass tc = readClass(c);
      int count = c.field("count").integer();
      OptionalDouble ave = optionalNumber(c, "avePosterior");
      cls.add(tc);
      summaries.add(c.at(() -> new ClassSummary(tc.index(), count, ave)));
    }
    TrajectoryClasses model = readModel(settings, in, cls);
    int clients = in.field("clients").integer();
    int observations = in.field("observations").integer();
    double logLik = in.field("logLik").number();
    double entropy = in.field("classificationEntropy").number();
    double modal = in.field("modalLogPosterior").number();
    JsonIn st = in.field("starts");
    st.only("starts", "finalStarts", "failedStarts", "finalLogLiks");
    int starts = st.field("starts").integer();
    int finalStarts = st.field("finalStarts").integer();
    int failed = st.field("failedStarts").integer();
    int replicated = in.field("bestReplicated").integer();
    List<Double> lls = st.field("finalLogLiks").list(JsonIn::number);
    StartSummary summary = st.at(() -> new StartSummary(starts, finalStarts, failed, replicated,
        lls));
    boolean converged = in.field("converged").bool();
    int iterations = in.field("iterations").integer();
    String message = in.field("convergenceMessage").string();
    Convergence conv = in.at(() -> new Convergence(converged, iterations, -2 * logLik, message));
    List<Degeneracy> deg = in.field("degeneracies").list(d -> {
      d.only("kind", "classIndex", "detail");
      Degeneracy.Kind kind = d.field("kind").enumValue(Degeneracy.Kind.class);
      OptionalInt at = d.optional("classIndex").map(x -> OptionalInt.of(x.integer()))
          .orElse(OptionalInt.empty());
      String detail = d.field("detail").string();
      return d.at(() -> new Degeneracy(kind, at, detail));
    });
    MixtureFit fit = in.at(() -> new MixtureFit(model, clients, observations, logLik, entropy,
        modal, summaries, summary, conv, deg));
    check(in, "k", fit.classes());
    check(in, "parameters", fit.parameterCount());
    check(in, "aic", fit.aic());
    check(in, "bic", fit.bic());
    check(in, "bicRows", fit.bicRows());
    check(in, "sabic", fit.sabic());
    check(in, "icl", fit.icl());
    OptionalDouble e = optionalNumber(in, "entropy");
    if (!e.equals(fit.relativeEntropy())) {
      throw in.error(".entropy is " + e + " but the classification entropy gives "
          + fit.relativeEntropy());
    }
    check(in, "smallestShare", fit.smallestShare());
    check(in, "smallestCount", fit.smallestCount());
    return fit;
  }

  /** A derived number must be what the other fields give (the document was not edited). */
  private static void check(JsonIn in, String name, double expected) {
    double v = in.field(name).number();
    if (Double.compare(v, expected) != 0) {
      throw new IllegalArgumentException(in.path() + "." + name + " is " + v + " but the other"
          + " fields give " + expected);
    }
  }

  // ------------------------------------------------------------------ ClassEnumeration

  static ObjectNode write(ClassEnumeration e) {
    ObjectNode o = F.objectNode();
    o.put("criterion", e.criterion().name());
    o.put("selected", e.selected().classes());
    ArrayNode models = o.putArray("models");
    e.fits().forEach(f -> models.add(write(f)));
    ArrayNode failures = o.putArray("failures");
    for (FitFailure f : e.failures()) {
      ObjectNode x = failures.addObject();
      x.put("classes", f.classes());
      x.put("reason", f.reason());
    }
    ArrayNode boot = o.putArray("bootstrap");
    e.bootstrap().forEach(b -> boot.add(write(b)));
    return o;
  }

  static ClassEnumeration readClassEnumeration(JsonIn in) {
    in.only("criterion", "selected", "models", "failures", "bootstrap");
    SelectionCriterion criterion = in.field("criterion").enumValue(SelectionCriterion.class);
    List<MixtureFit> fits = in.field("models").list(MixtureCodecs::readMixtureFit);
    List<FitFailure> failures = in.field("failures").list(x -> {
      x.only("classes", "reason");
      int k = x.field("classes").integer();
      String reason = x.field("reason").string();
      return x.at(() -> new FitFailure(k, reason));
    });
    List<BootstrapTest> boot = in.field("bootstrap").list(MixtureCodecs::readBootstrapTest);
    ClassEnumeration e = in.at(() -> new ClassEnumeration(criterion, fits, failures, boot));
    check(in, "selected", e.selected().classes());
    return e;
  }

  // ------------------------------------------------------------------ BootstrapTest

  static ObjectNode write(BootstrapTest b) {
    ObjectNode o = F.objectNode();
    o.put("classes", b.classes());
    o.put("statistic", b.statistic());
    o.put("replicates", b.replicates());
    o.put("failedReplicates", b.failedReplicates());
    o.put("exceedances", b.exceedances());
    o.put("pValue", b.pValue());
    return o;
  }

  static BootstrapTest readBootstrapTest(JsonIn in) {
    in.only("classes", "statistic", "replicates", "failedReplicates", "exceedances", "pValue");
    int k = in.field("classes").integer();
    double stat = in.field("statistic").number();
    int reps = in.field("replicates").integer();
    int failed = in.field("failedReplicates").integer();
    int exceed = in.field("exceedances").integer();
    BootstrapTest b = in.at(() -> new BootstrapTest(k, stat, reps, failed, exceed));
    check(in, "pValue", b.pValue());
    return b;
  }

  // ------------------------------------------------------------------ helpers

  private static void putOptional(ObjectNode o, String name, OptionalDouble v) {
    if (v.isPresent()) {
      o.put(name, v.getAsDouble());
    } else {
      o.putNull(name);
    }
  }

  private static OptionalDouble optionalNumber(JsonIn in, String name) {
    return in.optional(name).map(x -> OptionalDouble.of(x.number())).orElse(OptionalDouble.empty());
  }
}
