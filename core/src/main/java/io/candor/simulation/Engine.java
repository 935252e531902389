package io.candor.simulation;

import io.candor.change.ClinicalEvents;
import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.internal.Grid;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Generates one client at a time into reusable scratch arrays (no allocation per session).
 *
 * <p>Not thread-safe: each worker thread owns one engine. The client's random stream depends only
 * on (seed, client index), see {@link #streamFor(long, long)}.
 */
final class Engine {

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final Course[] COURSES = Course.values();
  private static final ReadinessStage[] STAGES = ReadinessStage.values();

  // ---- constants from the scenario
  final Scenario scenario;
  final Instrument instrument;
  final double min;
  final double max;
  final double resolution;
  final double cutoff;
  final Direction direction;
  /** +1 when higher scores are worse, -1 otherwise. */
  final double worse;
  /** Caseness, reliable change and recovery: the one definition in io.candor.change. */
  final ClinicalEvents events;
  final double rc;
  private final double sem;
  private final double[] courseCdf = new double[COURSES.length];
  private final double[] stageCdf = new double[STAGES.length];
  private final double[] stageRate = new double[STAGES.length];
  private final double[] stageDropout = new double[STAGES.length];
  private final double[] courseRate = new double[COURSES.length];
  private final double[] courseLevel = new double[COURSES.length];
  private final double[] arSd = new double[COURSES.length];
  private final double[] arInnovation = new double[COURSES.length];
  private final double phi;
  /** The observed intake score every client starts at, or NaN to draw it (the entry rule). */
  private final double givenIntake;

  // ---- scratch: the last client generated
  /** Observed scores at sessions 0..size-1 (consecutive, no gaps). */
  final double[] scores;
  int size;
  /** Session at which the client dropped out (did not attend), or -1. */
  int dropoutSession;
  Course course;
  ReadinessStage initialStage;
  ReadinessStage finalStage;
  boolean deteriorating;
  double trueIntake;
  double rate;
  boolean waitlist;

  Engine(Scenario scenario) {
    this(scenario, Double.NaN);
  }

  /**
   * An engine whose clients all have the observed intake score {@code givenIntake} (NaN: drawn as
   * the scenario says, entry rule included).
   */
  Engine(Scenario scenario, double givenIntake) {
    this.scenario = scenario;
    this.givenIntake = givenIntake;
    this.instrument = scenario.instrumentSpec();
    this.min = instrument.minScore();
    this.max = instrument.maxScore();
    this.resolution = instrument.resolution();
    this.cutoff = instrument.casenessCutoff().orElseThrow().value();
    this.direction = instrument.direction();
    this.worse = direction == Direction.HIGHER_IS_WORSE ? 1 : -1;
    this.events = ClinicalEvents.of(instrument);
    this.rc = events.reliableChangeThreshold().orElseThrow().value();
    this.sem = scenario.measurementErrorSd();
    cumulative(scenario.caseMix().values().stream().mapToDouble(Double::doubleValue).toArray(),
        courseCdf);
    cumulative(scenario.readiness().initial().values().stream().mapToDouble(Double::doubleValue)
        .toArray(), stageCdf);
    for (ReadinessStage s : STAGES) {
      stageRate[s.ordinal()] = scenario.readiness().rateMultiplier().get(s);
      stageDropout[s.ordinal()] = scenario.readiness().dropoutMultiplier().get(s);
    }
    Scenario.Paths p = scenario.paths();
    courseRate[Course.RESOLVABLE.ordinal()] = p.resolvableRate();
    courseRate[Course.EPISODIC.ordinal()] = p.episodicRate();
    courseRate[Course.CHRONIC.ordinal()] = p.chronicRate();
    courseLevel[Course.RESOLVABLE.ordinal()] = p.remissionLevel();
    courseLevel[Course.EPISODIC.ordinal()] = p.remissionLevel();
    courseLevel[Course.CHRONIC.ordinal()] = p.chronicLevel();
    Scenario.Variation v = scenario.variation();
    phi = v.autocorrelation();
    for (Course c : COURSES) {
      double sd = v.sd() * (c == Course.CHRONIC ? v.chronicFluctuation() : 1);
      arSd[c.ordinal()] = sd;
      arInnovation[c.ordinal()] = sd * Math.sqrt(1 - phi * phi);
    }
    int longest = Math.max(scenario.sessions(), scenario.waitlist().weeks());
    this.scores = new double[longest + 1];
  }

  private static void cumulative(double[] p, double[] cdf) {
    double acc = 0;
    for (int i = 0; i < p.length; i++) {
      acc += p[i];
      cdf[i] = acc;
    }
    cdf[p.length - 1] = Double.POSITIVE_INFINITY; // guards against rounding in the last share
  }

  /** The SplitMix64 output function (Steele, Lea &amp; Flood 2014; Stafford's mix 13). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * The random stream of client {@code index}: a XoRoShiRo128++ generator whose two state words
   * are outputs {@code 2·index + 1} and {@code 2·index + 2} of a SplitMix64 sequence started at
   * {@code seed}. It depends on nothing else, so chunking and threads cannot change it.
   */
  static UniformRandomProvider streamFor(long seed, long index) {
    long s0 = mix64(seed + GOLDEN_GAMMA * (2 * index + 1));
    long s1 = mix64(seed + GOLDEN_GAMMA * (2 * index + 2));
    return new XoRoShiRo128PlusPlus(s0, s1);
  }

  private double observe(double x) {
    double c = x < min ? min : (x > max ? max : x);
    double r = Grid.nearest(min, resolution, c);
    return r > max ? max : r;
  }

  private double clampLatent(double x) {
    return x < min ? min : (x > max ? max : x);
  }

  /** Generates client {@code index} of the cohort with that seed into the scratch fields. */
  void run(long seed, long index, boolean waitlistArm) {
    UniformRandomProvider rng = streamFor(seed, index);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    Scenario sc = scenario;
    this.waitlist = waitlistArm;

    double u = rng.nextDouble();
    int c = 0;
    while (u >= courseCdf[c]) {
      c++;
    }
    course = COURSES[c];
    u = rng.nextDouble();
    int stage = 0;
    while (u >= stageCdf[stage]) {
      stage++;
    }
    initialStage = STAGES[stage];
    deteriorating = rng.nextDouble() < sc.deterioration().proportion();

    // Intake: true severity, the week's deviation and measurement error; clients enter only when
    // the observed score is in the clinical range (when the scenario says so).
    double sdAr = arSd[c];
    double imean = sc.intake().mean();
    double isd = sc.intake().sd();
    double mu0;
    double e;
    double y0;
    if (Double.isNaN(givenIntake)) {
      int tries = 0;
      do {
        mu0 = clampLatent(imean + isd * gauss.sample());
        e = sdAr * gauss.sample();
        y0 = observe(mu0 + e + sem * gauss.sample());
      } while (sc.intake().entry() == Scenario.Entry.CASES_ONLY && !direction.isCase(y0, cutoff)
          && ++tries < 10_000);
    } else {
      // The observed intake y0 = mu0 + e + error is given: draw the true severity mu0 and the
      // week's deviation e from their joint normal distribution given y0 (rounding and clamping
      // of y0 ignored); the entry rule does not apply to a client who has already started.
      y0 = givenIntake;
      double vMu = isd * isd;
      double vE = sdAr * sdAr;
      double vErr = sem * sem;
      double total = vMu + vE + vErr;
      mu0 = imean + vMu / total * (y0 - imean) + Math.sqrt(vMu * (vE + vErr) / total) * gauss.sample();
      double rest = y0 - mu0;
      e = vE / (vE + vErr) * rest + Math.sqrt(vE * vErr / (vE + vErr)) * gauss.sample();
      mu0 = clampLatent(mu0);
    }
    trueIntake = mu0;

    double rateSd = sc.paths().rateSd();
    double re = Math.exp(rateSd * gauss.sample() - 0.5 * rateSd * rateSd);
    double asymptote = courseLevel[c];
    double target = asymptote;
    double k;
    boolean readinessActs;
    if (deteriorating) {
      target = clampLatent(mu0 + worse * sc.deterioration().size());
      k = sc.deterioration().rate() * re;
      readinessActs = false;
    } else if (waitlistArm) {
      k = sc.waitlist().rate() * re;
      readinessActs = false;
    } else {
      k = courseRate[c] * re;
      readinessActs = true;
    }
    rate = k;
    double decay = Math.exp(-k * (readinessActs ? stageRate[stage] : 1));

    int sessions = waitlistArm ? sc.waitlist().weeks() : sc.sessions();
    double fwd = sc.readiness().forward();
    double back = fwd + sc.readiness().backward();
    boolean episodic = course == Course.EPISODIC;
    double relapse = sc.paths().relapseHazard();
    boolean jumps = !waitlistArm;
    double gainP = sc.jumps().gainProbability();
    double lossP = gainP + sc.jumps().lossProbability();
    double keep = 1 - sc.jumps().gainFraction();
    double lossStep = worse * sc.jumps().lossSize();
    double innov = arInnovation[c];
    double hazard0 = sc.dropout().hazard();
    double progressEffect = sc.dropout().progressEffect() / rc;
    boolean mnar = sc.dropout().missingness() == Scenario.Missingness.NOT_AT_RANDOM;
    double mnarEffect = sc.dropout().notAtRandomEffect() / rc;
    double[] y = scores;

    y[0] = y0;
    int n = 1;
    int dropped = -1;
    double m = mu0;
    for (int t = 1; t <= sessions; t++) {
      double v = rng.nextDouble();
      if (v < fwd) {
        if (stage < STAGES.length - 1) {
          stage++;
          if (readinessActs) {
            decay = Math.exp(-k * stageRate[stage]);
          }
        }
      } else if (v < back && stage > 0) {
        stage--;
        if (readinessActs) {
          decay = Math.exp(-k * stageRate[stage]);
        }
      }
      m = target + (m - target) * decay;
      if (episodic && !direction.isCase(m, cutoff) && rng.nextDouble() < relapse) {
        m = mu0;
      }
      if (jumps) {
        v = rng.nextDouble();
        if (v < gainP) {
          m = asymptote + (m - asymptote) * keep;
        } else if (v < lossP) {
          m = clampLatent(m + lossStep);
        }
      }
      e = phi * e + innov * gauss.sample();
      double latent = m + e;
      double h = hazard0 * stageDropout[stage];
      if (t >= 2) {
        double w = (y[t - 1] - y[t - 2]) * worse;
        h *= Math.max(0, 1 + progressEffect * w);
      }
      if (mnar) {
        h *= Math.max(0, 1 + mnarEffect * (clampLatent(latent) - y0) * worse);
      }
      if (rng.nextDouble() < h) {
        dropped = t;
        break;
      }
      y[t] = observe(latent + sem * gauss.sample());
      n++;
    }
    size = n;
    dropoutSession = dropped;
    finalStage = STAGES[stage];
  }
}
