package io.candor.evidence;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bibliography: every source that a Candor default number or definition rests on.
 *
 * <p>Look a citation up by its stable key with {@link #byKey(String)}; {@link #all()} lists them
 * sorted by key (first author's surname and year, e.g. {@code aderka2012}), an order that does not
 * depend on how the fields are declared or reflected. Page and volume details were checked against the publisher's record where a
 * DOI is given.
 */
public final class Citations {

  private Citations() {}

  // ---------------------------------------------------------------- instruments

  /** PHQ-9 development and validation. */
  public static final Citation KROENKE_2001 = Citation.of("kroenke2001",
      "Kroenke K, Spitzer RL, Williams JBW", 2001,
      "The PHQ-9: validity of a brief depression severity measure",
      "J Gen Intern Med 16(9):606-613", "doi:10.1046/j.1525-1497.2001.016009606.x");

  /** PHQ-9 change monitoring (reliable change, sensitivity to change). */
  public static final Citation LOWE_2004 = Citation.of("lowe2004",
      "Lowe B, Unutzer J, Callahan CM, Perkins AJ, Kroenke K", 2004,
      "Monitoring depression treatment outcomes with the Patient Health Questionnaire-9",
      "Med Care 42(12):1194-1201", "doi:10.1097/00005650-200412000-00006");

  /** PHQ-9 general-population norms. */
  public static final Citation KOCALEVENT_2013 = Citation.of("kocalevent2013",
      "Kocalevent RD, Hinz A, Brahler E", 2013,
      "Standardization of the depression screener Patient Health Questionnaire (PHQ-9) in the"
          + " general population",
      "Gen Hosp Psychiatry 35(5):551-555", "doi:10.1016/j.genhosppsych.2013.04.006");

  /** GAD-7 general-population norms. */
  public static final Citation LOWE_2008 = Citation.of("lowe2008",
      "Lowe B, Decker O, Muller S, Brahler E, Schellberg D, Herzog W, Herzberg PY", 2008,
      "Validation and standardization of the Generalized Anxiety Disorder Screener (GAD-7) in the"
          + " general population",
      "Med Care 46(3):266-274", "doi:10.1097/MLR.0b013e318160d093");

  /** GAD-7 development and validation. */
  public static final Citation SPITZER_2006 = Citation.of("spitzer2006",
      "Spitzer RL, Kroenke K, Williams JBW, Lowe B", 2006,
      "A brief measure for assessing generalized anxiety disorder: the GAD-7",
      "Arch Intern Med 166(10):1092-1097", "doi:10.1001/archinte.166.10.1092");

  /** CORE-10 development and validation. */
  public static final Citation BARKHAM_2013 = Citation.of("barkham2013",
      "Barkham M, Bewick B, Mullin T, Gilbody S, Connell J, Cahill J, Mellor-Clark J, Richards D,"
          + " Unsworth G, Evans C", 2013,
      "The CORE-10: a short measure of psychological distress for routine use in the"
          + " psychological therapies",
      "Couns Psychother Res 13(1):3-13", "doi:10.1080/14733145.2012.729069");

  /** OQ-45 reliability and validity; community and outpatient norms. */
  public static final Citation LAMBERT_1996 = Citation.of("lambert1996",
      "Lambert MJ, Burlingame GM, Umphress V, Hansen NB, Vermeersch DA, Clouse GC, Yanchar SC",
      1996, "The reliability and validity of the Outcome Questionnaire",
      "Clin Psychol Psychother 3(4):249-258",
      "doi:10.1002/(SICI)1099-0879(199612)3:4<249::AID-CPP106>3.0.CO;2-S");

  /** OQ-45.2 administration and scoring manual (cutoff 63/64, reliable change 14). */
  public static final Citation LAMBERT_2004_OQ_MANUAL = Citation.of("lambert2004oq",
      "Lambert MJ, Morton JJ, Hatfield D, Harmon C, Hamilton S, Reid RC, Shimokawa K,"
          + " Christopherson C, Burlingame GM", 2004,
      "Administration and scoring manual for the Outcome Questionnaire-45",
      "American Professional Credentialing Services, Orem UT");

  /** BDI-II manual. */
  public static final Citation BECK_1996 = Citation.of("beck1996",
      "Beck AT, Steer RA, Brown GK", 1996, "Manual for the Beck Depression Inventory-II",
      "Psychological Corporation, San Antonio TX");

  /** Outcome Rating Scale. */
  public static final Citation MILLER_2003 = Citation.of("miller2003",
      "Miller SD, Duncan BL, Brown J, Sparks JA, Claud DA", 2003,
      "The Outcome Rating Scale: a preliminary study of the reliability, validity, and"
          + " feasibility of a brief visual analog measure",
      "J Brief Ther 2(2):91-100");

  /** K10 development. */
  public static final Citation KESSLER_2002 = Citation.of("kessler2002",
      "Kessler RC, Andrews G, Colpe LJ, Hiripi E, Mroczek DK, Normand SLT, Walters EE,"
          + " Zaslavsky AM", 2002,
      "Short screening scales to monitor population prevalences and trends in non-specific"
          + " psychological distress",
      "Psychol Med 32(6):959-976", "doi:10.1017/S0033291702006074");

  /** K10 score bands. */
  public static final Citation ANDREWS_2001 = Citation.of("andrews2001",
      "Andrews G, Slade T", 2001,
      "Interpreting scores on the Kessler Psychological Distress Scale (K10)",
      "Aust N Z J Public Health 25(6):494-497", "doi:10.1111/j.1467-842X.2001.tb00310.x");

  /** WEMWBS development and UK validation. */
  public static final Citation TENNANT_2007 = Citation.of("tennant2007",
      "Tennant R, Hiller L, Fishwick R, Platt S, Joseph S, Weich S, Parkinson J, Secker J,"
          + " Stewart-Brown S", 2007,
      "The Warwick-Edinburgh Mental Well-being Scale (WEMWBS): development and UK validation",
      "Health Qual Life Outcomes 5:63", "doi:10.1186/1477-7525-5-63");

  /** Reference for Talking Therapies definitions (caseness, recovery, reliable change). */
  public static final Citation NHS_TALKING_THERAPIES_2024 = Citation.of("nhstt2024",
      "National Collaborating Centre for Mental Health", 2024,
      "NHS Talking Therapies for anxiety and depression manual, version 7",
      "NHS England, London",
      "https://www.england.nhs.uk/publication/the-improving-access-to-psychological-therapies-manual/");

  // ---------------------------------------------------------------- change

  /** Reliable change index and clinical significance cutoffs a, b, c. */
  public static final Citation JACOBSON_1991 = Citation.of("jacobson1991",
      "Jacobson NS, Truax P", 1991,
      "Clinical significance: a statistical approach to defining meaningful change in"
          + " psychotherapy research",
      "J Consult Clin Psychol 59(1):12-19", "doi:10.1037/0022-006X.59.1.12");

  /** Overview and R implementation of the reliable-change family. */
  public static final Citation CLAUS_2024 = Citation.of("claus2024",
      "Claus BB, Wager J, Bonnet U", 2024,
      "clinicalsignificance: clinical significance analyses of intervention studies in R",
      "J Stat Softw 111(1):1-39", "doi:10.18637/jss.v111.i01");

  /** Comparison of clinical-significance methods. */
  public static final Citation MCGLINCHEY_2002 = Citation.of("mcglinchey2002",
      "McGlinchey JB, Atkins DC, Jacobson NS", 2002,
      "Clinical significance methods: which one to use and how useful are they?",
      "Behav Ther 33(4):529-550", "doi:10.1016/S0005-7894(02)80015-6");

  /** Hsu–Linn–Lord reliable change (regression to the mean). */
  public static final Citation HSU_1989 = Citation.of("hsu1989",
      "Hsu LM", 1989,
      "Reliable changes in psychotherapy: taking into account regression toward the mean",
      "Behav Assess 11(4):459-467");

  /** Edwards–Nunnally reliable change. */
  public static final Citation SPEER_1992 = Citation.of("speer1992",
      "Speer DC", 1992,
      "Clinically significant change: Jacobson and Truax (1991) revisited",
      "J Consult Clin Psychol 60(3):402-408", "doi:10.1037/0022-006X.60.3.402");

  /** Hageman–Arrindell reliable change (RCID) and group-level cutoffs. */
  public static final Citation HAGEMAN_1999 = Citation.of("hageman1999",
      "Hageman WJJM, Arrindell WA", 1999,
      "Establishing clinically significant change: increment of precision and the distinction"
          + " between individual and group level of analysis",
      "Behav Res Ther 37(12):1169-1193", "doi:10.1016/S0005-7967(99)00032-7");

  /** Gulliksen–Lord–Novick reliable change (as used by Hsu 1995). */
  public static final Citation HSU_1995 = Citation.of("hsu1995",
      "Hsu LM", 1995,
      "Regression toward the mean associated with measurement error and the identification of"
          + " improvement and deterioration in psychotherapy",
      "J Consult Clin Psychol 63(1):141-144", "doi:10.1037/0022-006X.63.1.141");

  // ---------------------------------------------------------------- non-linear progress

  /** Sudden gains definition. */
  public static final Citation TANG_1999 = Citation.of("tang1999",
      "Tang TZ, DeRubeis RJ", 1999,
      "Sudden gains and critical sessions in cognitive-behavioral therapy for depression",
      "J Consult Clin Psychol 67(6):894-904", "doi:10.1037/0022-006X.67.6.894");

  /** Sudden gains and losses with missing sessions. */
  public static final Citation LUTZ_2013 = Citation.of("lutz2013",
      "Lutz W, Ehrlich T, Rubel J, Hallwachs N, Rottger MA, Jorasz C, Mocanu S, Vocks S,"
          + " Schulte D, Tschitsaz-Stucki A", 2013,
      "The ups and downs of psychotherapy: sudden gains and sudden losses identified with session"
          + " reports",
      "Psychother Res 23(1):14-24", "doi:10.1080/10503307.2012.693837");

  /** The suddengains R package. */
  public static final Citation WIEDEMANN_2020 = Citation.of("wiedemann2020",
      "Wiedemann M, Thew GR, Stott R, Ehlers A", 2020,
      "suddengains: an R package to identify sudden gains in longitudinal data",
      "PLoS ONE 15(3):e0230276", "doi:10.1371/journal.pone.0230276");

  /** Meta-analysis of sudden gains. */
  public static final Citation ADERKA_2012 = Citation.of("aderka2012",
      "Aderka IM, Nickerson A, Boe HJ, Hofmann SG", 2012,
      "Sudden gains during psychological treatments of anxiety and depression: a meta-analysis",
      "J Consult Clin Psychol 80(1):93-101", "doi:10.1037/a0026455");

  /** Early response meta-analysis. */
  public static final Citation BEARD_2019 = Citation.of("beard2019",
      "Beard JIL, Delgadillo J", 2019,
      "Early response to psychological therapy as a predictor of depression and anxiety"
          + " treatment outcomes: a systematic review and meta-analysis",
      "Depress Anxiety 36(9):866-878", "doi:10.1002/da.22931");

  /** Good-enough level. */
  public static final Citation BARKHAM_2006 = Citation.of("barkham2006",
      "Barkham M, Connell J, Stiles WB, Miles JNV, Margison F, Evans C, Mellor-Clark J", 2006,
      "Dose-effect relations and responsive regulation of treatment duration: the good enough"
          + " level",
      "J Consult Clin Psychol 74(1):160-167", "doi:10.1037/0022-006X.74.1.160");

  /** Rates of change in naturalistic psychotherapy. */
  public static final Citation BALDWIN_2009 = Citation.of("baldwin2009",
      "Baldwin SA, Berkeljon A, Atkins DC, Olsen JA, Nielsen SL", 2009,
      "Rates of change in naturalistic psychotherapy: contrasting dose-effect and good-enough"
          + " level models of change",
      "J Consult Clin Psychol 77(2):203-211", "doi:10.1037/a0015235");

  /** Expected recovery curves. */
  public static final Citation FINCH_2001 = Citation.of("finch2001",
      "Finch AM, Lambert MJ, Schaalje BG", 2001,
      "Psychotherapy quality control: the statistical generation of expected recovery curves for"
          + " integration into an early warning system",
      "Clin Psychol Psychother 8(4):231-242", "doi:10.1002/cpp.286");

  // ---------------------------------------------------------------- rates

  /** Dose–effect (probit on log sessions). */
  public static final Citation HOWARD_1986 = Citation.of("howard1986",
      "Howard KI, Kopta SM, Krause MS, Orlinsky DE", 1986,
      "The dose-effect relationship in psychotherapy",
      "Am Psychol 41(2):159-164", "doi:10.1037/0003-066X.41.2.159");

  /** Sessions for half of clients to improve in routine care. */
  public static final Citation HANSEN_2002 = Citation.of("hansen2002",
      "Hansen NB, Lambert MJ, Forman EM", 2002,
      "The psychotherapy dose-response effect and its implications for treatment delivery"
          + " services",
      "Clin Psychol Sci Pract 9(3):329-343", "doi:10.1093/clipsy.9.3.329");

  /** Session-by-session dose–effect. */
  public static final Citation KADERA_1996 = Citation.of("kadera1996",
      "Kadera SW, Lambert MJ, Andrews AA", 1996,
      "How much therapy is really enough? A session-by-session analysis of the psychotherapy"
          + " dose-effect relationship",
      "J Psychother Pract Res 5(2):132-151");

  /** Dropout meta-analysis. */
  public static final Citation SWIFT_2012 = Citation.of("swift2012",
      "Swift JK, Greenberg RP", 2012,
      "Premature discontinuation in adult psychotherapy: a meta-analysis",
      "J Consult Clin Psychol 80(4):547-559", "doi:10.1037/a0028226");

  /** Deterioration rates. */
  public static final Citation LAMBERT_2013 = Citation.of("lambert2013",
      "Lambert MJ", 2013, "The efficacy and effectiveness of psychotherapy",
      "In: Lambert MJ (ed.) Bergin and Garfield's Handbook of Psychotherapy and Behavior Change,"
          + " 6th ed., Wiley, pp. 169-218");

  /** Untreated remission of depression. */
  public static final Citation WHITEFORD_2013 = Citation.of("whiteford2013",
      "Whiteford HA, Harris MG, McKeon G, Baxter A, Pennell C, Barendregt JJ, Wang J", 2013,
      "Estimating remission from untreated major depression: a systematic review and"
          + " meta-analysis",
      "Psychol Med 43(8):1569-1585", "doi:10.1017/S0033291712001717");

  /** Relapse after CBT. */
  public static final Citation VITTENGL_2007 = Citation.of("vittengl2007",
      "Vittengl JR, Clark LA, Dunn TW, Jarrett RB", 2007,
      "Reducing relapse and recurrence in unipolar depression: a comparative meta-analysis of"
          + " cognitive-behavioral therapy's effects",
      "J Consult Clin Psychol 75(3):475-488", "doi:10.1037/0022-006X.75.3.475");

  /** Chronic depression prevalence. */
  public static final Citation SATYANARAYANA_2009 = Citation.of("satyanarayana2009",
      "Satyanarayana S, Enns MW, Cox BJ, Sareen J", 2009,
      "Prevalence and correlates of chronic depression in the Canadian Community Health Survey:"
          + " mental health and well-being",
      "Can J Psychiatry 54(6):389-398", "doi:10.1177/070674370905400606");

  // ---------------------------------------------------------------- readiness

  /** Transtheoretical stages of change. */
  public static final Citation PROCHASKA_1983 = Citation.of("prochaska1983",
      "Prochaska JO, DiClemente CC", 1983,
      "Stages and processes of self-change of smoking: toward an integrative model of change",
      "J Consult Clin Psychol 51(3):390-395", "doi:10.1037/0022-006X.51.3.390");

  /** URICA development. */
  public static final Citation MCCONNAUGHY_1983 = Citation.of("mcconnaughy1983",
      "McConnaughy EA, Prochaska JO, Velicer WF", 1983,
      "Stages of change in psychotherapy: measurement and sample profiles",
      "Psychotherapy: Theory, Research and Practice 20(3):368-375", "doi:10.1037/h0090198");

  /** URICA 32-item form and its scoring. */
  public static final Citation MCCONNAUGHY_1989 = Citation.of("mcconnaughy1989",
      "McConnaughy EA, DiClemente CC, Prochaska JO, Velicer WF", 1989,
      "Stages of change in psychotherapy: a follow-up report",
      "Psychotherapy: Theory, Research, Practice, Training 26(4):494-503",
      "doi:10.1037/h0085468");

  /** Readiness and dropout / outcome. */
  public static final Citation NORCROSS_2011 = Citation.of("norcross2011",
      "Norcross JC, Krebs PM, Prochaska JO", 2011, "Stages of change",
      "J Clin Psychol 67(2):143-154", "doi:10.1002/jclp.20758");

  // ---------------------------------------------------------------- statistics

  /** Wilson score interval. */
  public static final Citation WILSON_1927 = Citation.of("wilson1927",
      "Wilson EB", 1927,
      "Probable inference, the law of succession, and statistical inference",
      "J Am Stat Assoc 22(158):209-212", "doi:10.1080/01621459.1927.10502953");

  /** lme4: linear mixed-effects models. */
  public static final Citation BATES_2015 = Citation.of("bates2015",
      "Bates D, Maechler M, Bolker B, Walker S", 2015,
      "Fitting linear mixed-effects models using lme4",
      "J Stat Softw 67(1):1-48", "doi:10.18637/jss.v067.i01");

  // ---- latent trajectory classes (growth mixture models)

  /** The EM algorithm. */
  public static final Citation DEMPSTER_1977 = Citation.of("dempster1977",
      "Dempster AP, Laird NM, Rubin DB", 1977,
      "Maximum likelihood from incomplete data via the EM algorithm",
      "J R Stat Soc Series B 39(1):1-38", "doi:10.1111/j.2517-6161.1977.tb01600.x");

  /** Latent class growth analysis (group-based trajectory modelling). */
  public static final Citation NAGIN_1999 = Citation.of("nagin1999",
      "Nagin DS", 1999,
      "Analyzing developmental trajectories: a semiparametric, group-based approach",
      "Psychol Methods 4(2):139-157", "doi:10.1037/1082-989X.4.2.139");

  /** Growth mixture models estimated by EM. */
  public static final Citation MUTHEN_1999 = Citation.of("muthen1999",
      "Muthen B, Shedden K", 1999,
      "Finite mixture modeling with mixture outcomes using the EM algorithm",
      "Biometrics 55(2):463-469", "doi:10.1111/j.0006-341X.1999.00463.x");

  /** EM for mixtures of linear mixed models, random effects as missing data (flexmix's FLXMRlmm). */
  public static final Citation CELEUX_2005 = Citation.of("celeux2005",
      "Celeux G, Martin O, Lavergne C", 2005,
      "Mixture of linear mixed models for clustering gene expression profiles from repeated"
          + " microarray experiments",
      "Stat Modelling 5(3):243-267", "doi:10.1191/1471082X05st096oa");

  /** flexmix: finite mixtures with concomitant variables in R (the reference implementation). */
  public static final Citation GRUN_2008 = Citation.of("grun2008",
      "Grun B, Leisch F", 2008,
      "FlexMix version 2: finite mixtures with concomitant variables and varying and constant"
          + " parameters",
      "J Stat Softw 28(4):1-35", "doi:10.18637/jss.v028.i04");

  /** lcmm: latent class mixed models in R; its gridsearch runs short random starts first. */
  public static final Citation PROUST_LIMA_2017 = Citation.of("proustlima2017",
      "Proust-Lima C, Philipps V, Liquet B", 2017,
      "Estimation of extended mixed models using latent classes and latent processes: the R"
          + " package lcmm",
      "J Stat Softw 78(2):1-56", "doi:10.18637/jss.v078.i02");

  /** Local maxima in growth mixture models and the need for many random starts. */
  public static final Citation HIPP_2006 = Citation.of("hipp2006",
      "Hipp JR, Bauer DJ", 2006, "Local solutions in the estimation of growth mixture models",
      "Psychol Methods 11(1):36-53", "doi:10.1037/1082-989X.11.1.36");

  /** Class enumeration: information criteria and the bootstrap likelihood-ratio test compared. */
  public static final Citation NYLUND_2007 = Citation.of("nylund2007",
      "Nylund KL, Asparouhov T, Muthen BO", 2007,
      "Deciding on the number of classes in latent class analysis and growth mixture modeling:"
          + " a Monte Carlo simulation study",
      "Struct Equ Modeling 14(4):535-569", "doi:10.1080/10705510701575396");

  /** The parametric bootstrap of the likelihood-ratio statistic for the number of components. */
  public static final Citation MCLACHLAN_1987 = Citation.of("mclachlan1987",
      "McLachlan GJ", 1987,
      "On bootstrapping the likelihood ratio test statistic for the number of components in a"
          + " normal mixture",
      "J R Stat Soc Series C 36(3):318-324", "doi:10.2307/2347790");

  /** The integrated completed likelihood (ICL). */
  public static final Citation BIERNACKI_2000 = Citation.of("biernacki2000",
      "Biernacki C, Celeux G, Govaert G", 2000,
      "Assessing a mixture model for clustering with the integrated completed likelihood",
      "IEEE Trans Pattern Anal Mach Intell 22(7):719-725", "doi:10.1109/34.865189");

  /** The sample-size-adjusted BIC. */
  public static final Citation SCLOVE_1987 = Citation.of("sclove1987",
      "Sclove SL", 1987,
      "Application of model-selection criteria to some problems in multivariate analysis",
      "Psychometrika 52(3):333-343", "doi:10.1007/BF02294360");

  /** k-means++ seeding, used to draw Candor's random starts. */
  public static final Citation ARTHUR_2007 = Citation.of("arthur2007",
      "Arthur D, Vassilvitskii S", 2007, "k-means++: the advantages of careful seeding",
      "Proc 18th ACM-SIAM Symposium on Discrete Algorithms (SODA 2007), 1027-1035");

  /** Aitken's acceleration as a stopping rule for EM. */
  public static final Citation MCNICHOLAS_2010 = Citation.of("mcnicholas2010",
      "McNicholas PD, Murphy TB, McDaid AF, Frost D", 2010,
      "Serial and parallel implementations of model-based clustering via parsimonious Gaussian"
          + " mixture models",
      "Comput Stat Data Anal 54(3):711-723", "doi:10.1016/j.csda.2009.02.011");

  // ---- therapist effects and funnel plots
  /** Funnel plots for comparing institutional performance; control limits, over-dispersion. */
  public static final Citation SPIEGELHALTER_2005 = Citation.of("spiegelhalter2005",
      "Spiegelhalter DJ", 2005, "Funnel plots for comparing institutional performance",
      "Stat Med 24(8):1185-1202", "doi:10.1002/sim.1970");

  /** Winsorised over-dispersion and additive random-effects limits for healthcare regulation. */
  public static final Citation SPIEGELHALTER_2012 = Citation.of("spiegelhalter2012",
      "Spiegelhalter DJ, Sherlaw-Johnson C, Bardsley M, Blunt I, Wood C, Grigg O", 2012,
      "Statistical methods for healthcare regulation: rating, screening and surveillance",
      "J R Stat Soc A 175(1):1-47", "doi:10.1111/j.1467-985X.2011.01010.x");

  /** Between-study variance by the method of moments. */
  public static final Citation DERSIMONIAN_1986 = Citation.of("dersimonian1986",
      "DerSimonian R, Laird N", 1986, "Meta-analysis in clinical trials",
      "Control Clin Trials 7(3):177-188", "doi:10.1016/0197-2456(86)90046-2");

  /** League tables and their limitations: uncertainty of ranks. */
  public static final Citation GOLDSTEIN_1996 = Citation.of("goldstein1996",
      "Goldstein H, Spiegelhalter DJ", 1996,
      "League tables and their limitations: statistical issues in comparisons of institutional"
          + " performance",
      "J R Stat Soc A 159(3):385-443", "doi:10.2307/2983325");

  /** Therapist effects: systematic review (weighted mean 5 % of outcome variance). */
  public static final Citation JOHNS_2019 = Citation.of("johns2019",
      "Johns RG, Barkham M, Kellett S, Saxon D", 2019,
      "A systematic review of therapist effects: a critical narrative update and refinement to"
          + " review",
      "Clin Psychol Rev 67:78-93", "doi:10.1016/j.cpr.2018.08.004");

  /** Therapist effects in UK primary care (6.6 % at average severity). */
  public static final Citation SAXON_2012 = Citation.of("saxon2012",
      "Saxon D, Barkham M", 2012,
      "Patterns of therapist variability: therapist effects and the contribution of patient"
          + " severity and risk",
      "J Consult Clin Psychol 80(4) (pages not checked)", "doi:10.1037/a0028898");

  /** Sample sizes for estimating therapist effects. */
  public static final Citation SCHIEFELE_2017 = Citation.of("schiefele2017",
      "Schiefele AK, Lutz W, Barkham M, Rubel J, Bohnke J, Delgadillo J, Kopta M, Schulte D,"
          + " Saxon D, Nielsen SL, Lambert MJ", 2017,
      "Reliability of therapist effects in practice-based psychotherapy research: a guide for the"
          + " planning of future studies",
      "Adm Policy Ment Health 44(5):598-613", "doi:10.1007/s10488-016-0736-3");

  /** Kaplan–Meier estimator. */
  public static final Citation KAPLAN_1958 = Citation.of("kaplan1958",
      "Kaplan EL, Meier P", 1958, "Nonparametric estimation from incomplete observations",
      "J Am Stat Assoc 53(282):457-481", "doi:10.1080/01621459.1958.10501452");

  /** R survival package. */
  public static final Citation THERNEAU_2000 = Citation.of("therneau2000",
      "Therneau TM, Grambsch PM", 2000, "Modeling survival data: extending the Cox model",
      "Springer, New York", "doi:10.1007/978-1-4757-3294-8");

  // ---- survival and dose-effect
  /** Greenwood's variance of the product-limit estimate. */
  public static final Citation GREENWOOD_1926 = Citation.of("greenwood1926",
      "Greenwood M", 1926, "The natural duration of cancer",
      "Reports on Public Health and Medical Subjects 33, HMSO, London");

  /** The log-rank (Mantel-Haenszel) test for survival curves. */
  public static final Citation MANTEL_1966 = Citation.of("mantel1966",
      "Mantel N", 1966,
      "Evaluation of survival data and two new rank order statistics arising in its consideration",
      "Cancer Chemother Rep 50(3):163-170");

  /** MASS: dose.p, the delta-method interval for the dose giving a response probability. */
  public static final Citation VENABLES_2002 = Citation.of("venables2002",
      "Venables WN, Ripley BD", 2002, "Modern applied statistics with S (4th ed.)",
      "Springer, New York", "doi:10.1007/978-0-387-21706-2");

  // ---- change and instruments (verification helper)

  /**
   * NHS Talking Therapies annual report 2022-23: first and last PHQ-9 and GAD-7 scores of referrals
   * at caseness that finished treatment. Candor's figures were read from a secondary quotation (see
   * the note on each figure), not from the report's own tables.
   */
  public static final Citation NHS_DIGITAL_2023 = Citation.of("nhsdigital2023",
      "NHS Digital", 2023,
      "NHS Talking Therapies, for anxiety and depression, annual reports, 2022-23",
      "NHS England Digital, Leeds",
      "https://digital.nhs.uk/data-and-information/publications/statistical/nhs-talking-therapies-for-anxiety-and-depression-annual-reports");

  /** Secondary quotation of the NHS Talking Therapies 2022-23 first/last scores and RC criteria. */
  public static final Citation SCOTT_2023_CBTWATCH = Citation.of("scott2023cbtwatch",
      "Scott MJ", 2023,
      "No justification for NHS Talking Therapies (blog post quoting NHS Digital 2022-23 data and"
          + " the IAPT manual's reliable-change criteria)",
      "CBT Watch (web log)", "http://www.cbtwatch.com/tag/no-justification-for-nhs-talking-theapies/");

  /** CORE-10 user manual: normative data for clinical and general-population samples. */
  public static final Citation CONNELL_2007 = Citation.of("connell2007",
      "Connell J, Barkham M", 2007, "CORE-10 user manual, version 1.0",
      "CORE System Trust / CORE IMS, Rugby");

  /** CORE System Trust: CORE-10 information page (proration when one item is omitted). */
  public static final Citation CORE_TRUST_CORE10 = Citation.of("coretrust-core10",
      "CORE System Trust", 2023, "CORE-10 information; What's in a name (1): scoring CORE measures",
      "coresystemtrust.org.uk",
      "https://www.coresystemtrust.org.uk/home/instruments/core-10-information/");

  /** Australian Bureau of Statistics: K10 score groupings used in ABS health surveys. */
  public static final Citation ABS_2012_K10 = Citation.of("abs2012k10",
      "Australian Bureau of Statistics", 2012,
      "Information paper: use of the Kessler Psychological Distress Scale in ABS health surveys,"
          + " Australia, 2007-08 (cat. no. 4817.0.55.001)",
      "ABS, Canberra", "http://abs.gov.au/ausstats/abs@.nsf/Lookup/34333D54F054CE51CA2579D50015D786");

  /** WEMWBS responsiveness: standard error of measurement and individual-level change. */
  public static final Citation MAHESWARAN_2012 = Citation.of("maheswaran2012",
      "Maheswaran H, Weich S, Powell J, Stewart-Brown S", 2012,
      "Evaluating the responsiveness of the Warwick Edinburgh Mental Well-Being Scale (WEMWBS):"
          + " group and individual level analysis",
      "Health Qual Life Outcomes 10:156", "doi:10.1186/1477-7525-10-156");

  /** Dutch OQ-45 norms: an independent check of the OQ-45 cutoff and reliable change. */
  public static final Citation TIMMAN_2017 = Citation.of("timman2017",
      "Timman R, de Jong K, de Neve-Enthoven N", 2017,
      "Cut-off scores and clinical change indices for the Dutch Outcome Questionnaire (OQ-45) in a"
          + " large sample of normal and several psychotherapeutic populations",
      "Clin Psychol Psychother 24(1):72-81", "doi:10.1002/cpp.1979");

  // ---------------------------------------------------------------- communicating expectations

  /** Natural frequencies improve Bayesian reasoning. */
  public static final Citation GIGERENZER_1995 = Citation.of("gigerenzer1995",
      "Gigerenzer G, Hoffrage U", 1995,
      "How to improve Bayesian reasoning without instruction: frequency formats",
      "Psychol Rev 102(4):684-704", "doi:10.1037/0033-295X.102.4.684");

  /** Systematic review of risk-communication formats (visual aids, absolute risks, no NNT). */
  public static final Citation ZIPKIN_2014 = Citation.of("zipkin2014",
      "Zipkin DA, Umscheid CA, Keating NL, Allen E, Aung K, Beyth R, Kaatz S, Mann DM, Sussman JB,"
          + " Korenstein D, Schardt C, Nagi A, Sloane R, Feldstein DA", 2014,
      "Evidence-based risk communication: a systematic review",
      "Ann Intern Med 161(4):270-280", "doi:10.7326/M14-0295");

  /** Icon arrays help people with low and high numeracy. */
  public static final Citation GALESIC_2009 = Citation.of("galesic2009",
      "Galesic M, Garcia-Retamero R, Gigerenzer G", 2009,
      "Using icon arrays to communicate medical risks: overcoming low numeracy",
      "Health Psychol 28(2):210-216", "doi:10.1037/a0014474");

  /** Risk-communication primer: one denominator, a time frame, the complement, uncertainty. */
  public static final Citation TREVENA_2013 = Citation.of("trevena2013",
      "Trevena LJ, Zikmund-Fisher BJ, Edwards A, Gaissmaier W, Galesic M, Han PKJ, King J,"
          + " Lawson ML, Linder SK, Lipkus I, Ozanne E, Peters E, Timmermans D, Woloshin S", 2013,
      "Presenting quantitative information about decision outcomes: a risk communication primer"
          + " for patient decision aid developers",
      "BMC Med Inform Decis Mak 13(Suppl 2):S7", "doi:10.1186/1472-6947-13-S2-S7");

  /** Flesch-Kincaid grade level. */
  public static final Citation KINCAID_1975 = Citation.of("kincaid1975",
      "Kincaid JP, Fishburne RP, Rogers RL, Chissom BS", 1975,
      "Derivation of new readability formulas (Automated Readability Index, Fog Count and Flesch"
          + " Reading Ease Formula) for Navy enlisted personnel",
      "Research Branch Report 8-75, Naval Technical Training Command, Millington TN");

  /** Regression adjustment of simulated values towards observed summaries. */
  public static final Citation BEAUMONT_2002 = Citation.of("beaumont2002",
      "Beaumont MA, Zhang W, Balding DJ", 2002,
      "Approximate Bayesian computation in population genetics",
      "Genetics 162(4):2025-2035", "doi:10.1093/genetics/162.4.2025");

  /** Psychotherapy for chronic depression: small effect, at least 18 sessions. */
  public static final Citation CUIJPERS_2010 = Citation.of("cuijpers2010",
      "Cuijpers P, van Straten A, Schuurmans J, van Oppen P, Hollon SD, Andersson G", 2010,
      "Psychotherapy for chronic major depression and dysthymia: a meta-analysis",
      "Clin Psychol Rev 30(1):51-62", "doi:10.1016/j.cpr.2009.09.003");

  // ---------------------------------------------------------------- risk items and engagement

  /** PHQ-9 item 9 and later suicide attempts and deaths. */
  public static final Citation SIMON_2013 = Citation.of("simon2013",
      "Simon GE, Rutter CM, Peterson D, Oliver M, Whiteside U, Operskalski B, Ludman EJ", 2013,
      "Does response on the PHQ-9 Depression Questionnaire predict subsequent suicide attempt or"
          + " suicide death?",
      "Psychiatr Serv 64(12):1195-1202", "doi:10.1176/appi.ps.201200587");

  /** Five shapes of early change in routine outpatient care (growth mixture model). */
  public static final Citation STULZ_2007 = Citation.of("stulz2007",
      "Stulz N, Lutz W, Leach C, Lucock M, Barkham M", 2007,
      "Shapes of early change in psychotherapy under routine outpatient conditions",
      "J Consult Clin Psychol 75(6):864-874", "doi:10.1037/0022-006X.75.6.864");

  /** Four depression and five anxiety trajectories in two IAPT services (LCGA). */
  public static final Citation SAUNDERS_2019 = Citation.of("saunders2019",
      "Saunders R, Buckman JEJ, Cape J, Fearon P, Leibowitz J, Pilling S", 2019,
      "Trajectories of depression and anxiety symptom change during psychological therapy",
      "J Affect Disord 249:327-335", "https://pmc.ncbi.nlm.nih.gov/articles/PMC6428692");

  /** Most suicides answered "not at all" on PHQ-9 item 9. */
  public static final Citation LOUZON_2016 = Citation.of("louzon2016",
      "Louzon SA, Bossarte R, McCarthy JF, Katz IR", 2016,
      "Does suicidal ideation as measured by the PHQ-9 predict suicide among VA patients?",
      "Psychiatr Serv 67(5):517-522", "doi:10.1176/appi.ps.201500149");

  /** NICE: no risk tools or risk stratification to predict suicide or self-harm. */
  public static final Citation NICE_NG225_2022 = Citation.of("nice-ng225",
      "National Institute for Health and Care Excellence", 2022,
      "Self-harm: assessment, management and preventing recurrence (NICE guideline NG225)",
      "NICE, London, 7 September 2022", "https://www.nice.org.uk/guidance/ng225");

  /** Missed appointments in mental health services. */
  public static final Citation MITCHELL_2007 = Citation.of("mitchell2007",
      "Mitchell AJ, Selmes T", 2007,
      "Why don't patients attend their appointments? Maintaining engagement with psychiatric"
          + " services",
      "Adv Psychiatr Treat 13(6):423-434", "doi:10.1192/apt.bp.106.003202");

  /** Homework compliance and outcome (r = .22). */
  public static final Citation KAZANTZIS_2000 = Citation.of("kazantzis2000",
      "Kazantzis N, Deane FP, Ronan KR", 2000,
      "Homework assignments in cognitive and behavioral therapy: a meta-analysis",
      "Clin Psychol Sci Pract 7(2):189-202", "doi:10.1093/clipsy.7.2.189");

  /** Homework compliance and outcome (r = .26). */
  public static final Citation MAUSBACH_2010 = Citation.of("mausbach2010",
      "Mausbach BT, Moore R, Roesch S, Cardenas V, Patterson TL", 2010,
      "The relationship between homework compliance and therapy outcomes: an updated"
          + " meta-analysis",
      "Cogn Ther Res 34(5):429-438", "doi:10.1007/s10608-010-9297-z");

  // ---------------------------------------------------------------- therapist side

  /** ProQOL 5: the official manual (scales, scoring, t-scores, "the ProQOL is not diagnostic"). */
  public static final Citation STAMM_2010 = Citation.of("stamm2010",
      "Stamm BH", 2010, "The Concise ProQOL Manual, 2nd edition",
      "ProQOL.org, Pocatello ID", "https://proqol.org/ProQOl_Test_Manuals.html");

  /** ProQOL: terms of use (credit the Center for Victims of Torture, link ProQOL.org, not sold). */
  public static final Citation CVT_PROQOL = Citation.of("cvt-proqol",
      "Center for Victims of Torture", 2021,
      "ProQOL: frequently asked questions and permission to use the ProQOL",
      "ProQOL.org", "https://proqol.org/faq");

  /** ProQOL 5 Rasch analysis in 1,615 nurses: Burnout and STS scales measure weakly (ProQOL-21). */
  public static final Citation HERITAGE_2018 = Citation.of("heritage2018",
      "Heritage B, Rees CS, Hegney DG", 2018,
      "The ProQOL-21: a revised version of the Professional Quality of Life (ProQOL) scale based on"
          + " Rasch analysis",
      "PLoS ONE 13(2):e0193478", "doi:10.1371/journal.pone.0193478");

  /** ProQOL 5 raw-score means and SDs in 140 critical-care nurses (Karachi). */
  public static final Citation HAMEED_2023 = Citation.of("hameed2023",
      "Hameed F, Badil, Hussain A, Ali S", 2023,
      "Compassion fatigue, compassion satisfaction, burnout and its associated factors among nurses"
          + " working in critical care area of tertiary care hospital, Karachi, Pakistan",
      "Liaquat Natl J Prim Care 5", "doi:10.37184/lnjpc.2707-3521.5.13");

  /** Copenhagen Burnout Inventory: development and validation in the PUMA study. */
  public static final Citation KRISTENSEN_2005 = Citation.of("kristensen2005",
      "Kristensen TS, Borritz M, Villadsen E, Christensen KB", 2005,
      "The Copenhagen Burnout Inventory: a new tool for the assessment of burnout",
      "Work Stress 19(3):192-207", "doi:10.1080/02678370500297720");

  /** Secondary Traumatic Stress Scale: development and validation (287 social workers). */
  public static final Citation BRIDE_2004 = Citation.of("bride2004",
      "Bride BE, Robinson MM, Yegidis B, Figley CR", 2004,
      "Development and validation of the Secondary Traumatic Stress Scale",
      "Res Soc Work Pract 14(1):27-35", "doi:10.1177/1049731503254106");

  /** STSS severity bands and prevalence of secondary traumatic stress in social workers. */
  public static final Citation BRIDE_2007 = Citation.of("bride2007",
      "Bride BE", 2007,
      "Prevalence of secondary traumatic stress among social workers",
      "Soc Work 52(1):63-70", "doi:10.1093/sw/52.1.63");

  /** STSS confirmatory factor analysis: three highly correlated factors. */
  public static final Citation TING_2005 = Citation.of("ting2005",
      "Ting L, Jacobson JM, Sanders S, Bride BE, Harrington D", 2005,
      "The Secondary Traumatic Stress Scale (STSS): confirmatory factor analyses with a national"
          + " sample of mental health social workers",
      "J Hum Behav Soc Environ 11(3-4):177-194", "doi:10.1300/J137v11n03_09");

  /** Maslach Burnout Inventory manual, 3rd edition (proprietary; Mind Garden). */
  public static final Citation MASLACH_1996 = Citation.of("maslach1996",
      "Maslach C, Jackson SE, Leiter MP", 1996,
      "Maslach Burnout Inventory manual, 3rd edition",
      "Consulting Psychologists Press, Palo Alto CA");

  /** Burnout in mental-health professionals: meta-analysis of prevalence and determinants. */
  public static final Citation OCONNOR_2018 = Citation.of("oconnor2018",
      "O'Connor K, Muller Neff D, Pitman S", 2018,
      "Burnout in mental health professionals: a systematic review and meta-analysis of prevalence"
          + " and determinants",
      "Eur Psychiatry 53:74-99", "doi:10.1016/j.eurpsy.2018.06.003");

  /** Therapists' burnout and job satisfaction and their clients' outcomes (IAPT, 49 therapists). */
  public static final Citation DELGADILLO_2018 = Citation.of("delgadillo2018",
      "Delgadillo J, Saxon D, Barkham M", 2018,
      "Associations between therapists' occupational burnout and their patients' depression and"
          + " anxiety treatment outcomes",
      "Depress Anxiety 35(9):844-850", "doi:10.1002/da.22766");

  /** Workload, caseload and emotional exhaustion in community child-mental-health therapists. */
  public static final Citation KIM_2018 = Citation.of("kim2018",
      "Kim JJ, Brookman-Frazee L, Gellatly R, Stadnick N, Barnett ML, Lau AS", 2018,
      "Predictors of burnout among community therapists in the sustainment phase of a system-driven"
          + " implementation of multiple evidence-based practices in children's mental health",
      "Prof Psychol Res Pr 49(2):131-142", "doi:10.1037/pro0000182");

  /** Little's law: the mean number in a stationary system equals arrival rate times mean stay. */
  public static final Citation LITTLE_1961 = Citation.of("little1961",
      "Little JDC", 1961, "A proof for the queuing formula: L = lambda W",
      "Oper Res 9(3):383-387", "doi:10.1287/opre.9.3.383");

  /** Communicating uncertainty with ranges: people see the uncertainty; trust falls only slightly. */
  public static final Citation VAN_DER_BLES_2020 = Citation.of("vanderbles2020",
      "van der Bles AM, van der Linden S, Freeman ALJ, Spiegelhalter DJ", 2020,
      "The effects of communicating uncertainty on public trust in facts and numbers",
      "Proc Natl Acad Sci USA 117(14):7672-7683", "doi:10.1073/pnas.1913678117");

  /** The Poisson-binomial distribution computed by divide and conquer with FFT convolution. */
  public static final Citation BISCARRI_2018 = Citation.of("biscarri2018",
      "Biscarri W, Zhao SD, Brunner RJ", 2018,
      "A simple and fast method for computing the Poisson binomial distribution function",
      "Comput Stat Data Anal 122:92-100", "doi:10.1016/j.csda.2018.01.007");

  private static final Map<String, Citation> BY_KEY = index();

  private static final List<Citation> ALL = List.copyOf(BY_KEY.values());

  private static Map<String, Citation> index() {
    Map<String, Citation> map = new TreeMap<>();
    for (Field f : Citations.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isPublic(m) && f.getType() == Citation.class) {
        try {
          Citation c = (Citation) f.get(null);
          if (map.put(c.key(), c) != null) {
            throw new IllegalStateException("duplicate citation key " + c.key());
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Every citation, sorted by key.
   *
   * @return the citations in key order (the same list on every call)
   */
  public static List<Citation> all() {
    return ALL;
  }

  /**
   * The citation with that key, if Candor knows it.
   *
   * @param key the citation key, e.g. {@code kroenke2001}
   * @return the citation with that key, if Candor knows it
   */
  public static Optional<Citation> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
