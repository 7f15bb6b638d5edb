# Reference group-sequential designs from rpact, for Verdict.Statistics.Tests/Sequential.
# Re-run from the repository root:  Rscript tests/reference/sequential/rpact_designs.R
# Writes tests/reference/sequential/rpact_designs.json next to this script.
suppressPackageStartupMessages({ library(rpact); library(jsonlite) })
setLogLevel("WARN")

cases <- list()
add <- function(id, type, rates, alpha, sided, param = NA, beta = 0.2, betaType = "none", characteristics = TRUE) {
  args <- list(typeOfDesign = type, informationRates = rates, alpha = alpha, sided = sided, beta = beta)
  if (type %in% c("asKD", "asHSD")) args$gammaA <- param
  if (betaType != "none") {
    args$typeBetaSpending <- betaType
    args$bindingFutility <- FALSE
    if (betaType %in% c("bsKD", "bsHSD")) args$gammaB <- param
  }
  d <- do.call(getDesignGroupSequential, args)
  case <- list(
    id = id, type = type, sided = sided, alpha = alpha, beta = beta, parameter = param,
    beta_spending = betaType, information_rates = rates,
    critical_values = d$criticalValues, stage_levels = d$stageLevels, alpha_spent = d$alphaSpent)
  if (betaType != "none") {
    case$futility_bounds <- d$futilityBounds
    case$beta_spent <- d$betaSpent
  }
  if (characteristics) {
    ch <- getDesignCharacteristics(d)
    case$characteristics <- list(
      n_fixed = ch$nFixed, shift = ch$shift, inflation_factor = ch$inflationFactor,
      power = ch$power, rejection_probabilities = ch$rejectionProbabilities,
      futility_probabilities = if (is.null(ch$futilityProbabilities)) numeric(0) else ch$futilityProbabilities,
      asn_h1 = ch$averageSampleNumber1, asn_half = ch$averageSampleNumber01, asn_h0 = ch$averageSampleNumber0)
  }
  cases[[length(cases) + 1]] <<- case
}

equal <- function(k) seq_len(k) / k
unequal <- list(c(0.2, 1), c(0.3, 0.7, 1), c(0.15, 0.4, 0.8, 1), c(0.1, 0.25, 0.5, 0.6, 1),
                c(0.2, 0.3, 0.45, 0.6, 0.8, 0.9, 1), c(0.05, 0.2, 0.35, 0.4, 0.55, 0.7, 0.8, 0.9, 0.95, 1))

spending <- list(list("asOF", NA), list("asP", NA), list("asKD", 1), list("asKD", 2), list("asKD", 3),
                 list("asHSD", -4), list("asHSD", -2), list("asHSD", 1))
n <- 0
for (s in spending) {
  for (k in c(2, 3, 4, 5, 8, 10)) {
    n <- n + 1
    sided <- if (n %% 2 == 0) 2 else 1
    alpha <- if (sided == 2) 0.05 else c(0.025, 0.05, 0.1)[(n %% 3) + 1]
    add(sprintf("%s%s-K%d-equal-%dsided", s[[1]], ifelse(is.na(s[[2]]), "", paste0("(", s[[2]], ")")), k, sided),
        s[[1]], equal(k), alpha, sided, s[[2]])
  }
  for (i in seq_along(unequal)) {
    n <- n + 1
    rates <- unequal[[i]]
    sided <- if (n %% 2 == 0) 2 else 1
    alpha <- if (sided == 2) 0.05 else 0.025
    add(sprintf("%s%s-K%d-unequal%d-%dsided", s[[1]], ifelse(is.na(s[[2]]), "", paste0("(", s[[2]], ")")), length(rates), i, sided),
        s[[1]], rates, alpha, sided, s[[2]])
  }
}
for (type in c("OF", "P")) {
  for (k in 2:10) {
    for (sided in c(1, 2)) {
      alpha <- if (sided == 2) 0.05 else 0.025
      add(sprintf("%s-K%d-equal-%dsided", type, k, sided), type, equal(k), alpha, sided)
    }
  }
}
# Twenty looks, the benchmark's size.
add("asOF-K20-equal-1sided", "asOF", equal(20), 0.025, 1)
add("asP-K20-equal-2sided", "asP", equal(20), 0.05, 2)
add("asKD(1.5)-K20-unequal-1sided", "asKD", c(0.02, seq(0.05, 1, by = 0.05)[-1]), 0.05, 1, 1.5)
# Non-binding futility from beta spending (one-sided).
futility <- list(list("asOF", "bsOF", NA), list("asP", "bsP", NA), list("asKD", "bsKD", 2), list("asHSD", "bsHSD", -2))
for (f in futility) {
  for (rates in list(equal(3), c(0.3, 0.7, 1), equal(5), c(0.25, 0.5, 0.6, 0.8, 1))) {
    add(sprintf("%s+%s%s-K%d-%s", f[[1]], f[[2]], ifelse(is.na(f[[3]]), "", paste0("(", f[[3]], ")")), length(rates),
                paste(rates, collapse = "_")), f[[1]], rates, 0.025, 1, f[[3]], beta = 0.2, betaType = f[[2]])
  }
}

# Analyses: stage-wise adjusted (final) p-values and repeated confidence intervals after an early or final stop
# (rpact getAnalysisResults, normal approximation, two-sample means with unit standard deviations).
analyses <- list()
analysis <- function(id, type, rates, alpha, sided, diffs, n = 50, param = NA) {
  args <- list(typeOfDesign = type, informationRates = rates, alpha = alpha, sided = sided)
  if (type %in% c("asKD", "asHSD")) args$gammaA <- param
  d <- do.call(getDesignGroupSequential, args)
  k <- length(diffs)
  ds <- getDataset(n1 = rep(n, k), n2 = rep(n, k), means1 = diffs, means2 = rep(0, k),
                   stDevs1 = rep(1, k), stDevs2 = rep(1, k))
  r <- getAnalysisResults(d, ds, normalApproximation = TRUE)
  s <- getStageResults(d, ds, normalApproximation = TRUE)
  analyses[[length(analyses) + 1]] <<- list(
    id = id, type = type, sided = sided, alpha = alpha, information_rates = rates,
    parameter = param,
    z = s$overallTestStatistics[1:k], estimate = (s$overallMeans1 - s$overallMeans2)[1:k],
    final_stage = r$finalStage, final_p_value = r$finalPValues[r$finalStage],
    rci_lower = r$repeatedConfidenceIntervalLowerBounds[1:k], rci_upper = r$repeatedConfidenceIntervalUpperBounds[1:k])
}
analysis("asOF-K3-stop2-1sided", "asOF", equal(3), 0.025, 1, c(0.4, 0.5))
analysis("asOF-K3-stop3-1sided", "asOF", equal(3), 0.025, 1, c(0.1, 0.2, 0.5))
analysis("asP-K4-stop1-1sided", "asP", equal(4), 0.025, 1, c(0.65))
analysis("asP-K4-stop3-1sided", "asP", equal(4), 0.025, 1, c(0.2, 0.3, 0.55))
analysis("asKD-K5-stop4-1sided", "asKD", equal(5), 0.05, 1, c(0.1, 0.2, 0.1, 0.6), param = 2)
analysis("asOF-K3-stop2-2sided", "asOF", equal(3), 0.05, 2, c(0.4, 0.5))
analysis("asP-K4-stop3-2sided", "asP", equal(4), 0.05, 2, c(-0.2, -0.3, -0.6))
analysis("OF-K3-stop2-1sided", "OF", equal(3), 0.025, 1, c(0.4, 0.5))

out <- list(generator = "tests/reference/sequential/rpact_designs.R",
            rpact = as.character(packageVersion("rpact")), r = R.version.string, designs = cases, analyses = analyses)
path <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "rpact_designs.json")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), path)
cat("wrote", length(cases), "designs to", path, "\n")
