#!/usr/bin/python3
"""Reference-value generator for Verdict's statistics engine.

Run with Debian's interpreter (needs scipy, statsmodels, numpy, pandas):

    /usr/bin/python3 tests/reference/stats/generate.py

Writes expected.json beside this file. Deterministic: fixed inputs and seeded
numpy RNGs only. Every case is {"name", "input", "expected", "source"}; some
also carry "crosscheck"/"context" blocks that are informational, not expected.
"""
import json
import math
import os
import platform
import sys
from fractions import Fraction

import numpy as np
import pandas as pd
import scipy
import scipy.integrate
import scipy.special
import scipy.stats as st
import statsmodels
import statsmodels.api as sm
from scipy.stats._stats_py import _unequal_var_ttest_denom
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    samplesize_proportions_2indep_onetail,
    test_proportions_2indep,
)
from statsmodels.stats.weightstats import _zstat_generic2

HERE = os.path.dirname(os.path.abspath(__file__))
CLOSED = "closed form (numpy+scipy.stats)"


# ----------------------------------------------------------------- helpers
def close(a, b, rel=1e-9, abs_=1e-12, what=""):
    assert math.isclose(a, b, rel_tol=rel, abs_tol=abs_), f"{what}: {a!r} vs {b!r}"


def normal_block(est, se, alpha):
    """Normal-approximation estimate/se/CI/p-values (scipy.stats.norm)."""
    if se is None or not (se > 0) or est is None:
        return {k: None for k in ("estimate", "se", "ci_low", "ci_high", "p_value",
                                  "p_value_greater", "p_value_less")} | {"estimate": est, "se": se}
    z = st.norm.ppf(1 - alpha / 2)
    stat = est / se
    return {
        "estimate": est, "se": se,
        "ci_low": est - z * se, "ci_high": est + z * se,
        "p_value": 2 * st.norm.sf(abs(stat)),
        "p_value_greater": st.norm.sf(stat),
        "p_value_less": st.norm.cdf(stat),
    }


def t_block(est, se, df, alpha):
    """Student-t estimate/se/CI/p-values with df (scipy.stats.t)."""
    q = st.t.ppf(1 - alpha / 2, df)
    stat = est / se
    return {
        "estimate": est, "se": se, "df": df,
        "ci_low": est - q * se, "ci_high": est + q * se,
        "p_value": 2 * st.t.sf(abs(stat), df),
        "p_value_greater": st.t.sf(stat, df),
        "p_value_less": st.t.cdf(stat, df),
    }


def rel_delta_var(m_c, m_t, v_c, v_t):
    """Delta-method variance of (m_t - m_c)/|m_c| given Var(m_c)=v_c, Var(m_t)=v_t."""
    return v_t / m_c ** 2 + m_t ** 2 * v_c / m_c ** 4


def clean(o):
    """numpy -> python, NaN/inf -> None, recursively."""
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [clean(v) for v in o]
    if isinstance(o, (np.bool_, bool)):
        return bool(o)
    if isinstance(o, (np.integer,)):
        return int(o)
    if isinstance(o, (np.floating, float)):
        f = float(o)
        return f if math.isfinite(f) else None
    if isinstance(o, np.ndarray):
        return clean(o.tolist())
    return o


def case(name, inp, exp, source, **extra):
    d = {"name": name, "input": inp, "expected": exp, "source": source}
    d.update(extra)
    return d


# ------------------------------------------------------- 1. proportions
def proportions():
    specs = [
        ("seed_760_2000_vs_840_2000", 760, 2000, 840, 2000, 0.05),
        ("unequal_n", 412, 1000, 1180, 3000, 0.05),
        ("small_n", 7, 25, 12, 30, 0.05),
        ("large_counts", 3_812_345, 10_000_000, 3_830_012, 10_000_000, 0.05),
        ("p_near_0", 3, 5000, 11, 5000, 0.05),
        ("p_near_1", 4985, 5000, 4994, 5000, 0.05),
        ("negative_effect_alpha_0.10", 530, 1500, 470, 1450, 0.10),
        ("control_zero_successes_relative_undefined", 0, 1000, 5, 1000, 0.05),
    ]
    out = []
    for name, sc, nc, stt, nt, alpha in specs:
        pc, pt = sc / nc, stt / nt
        vc, vt = pc * (1 - pc) / nc, pt * (1 - pt) / nt
        # statsmodels: sample 1 = treatment, sample 2 = control -> diff = pt - pc
        kw = dict(method="wald", compare="diff")
        # numpy floats so a zero control rate gives inf ratio/odds instead of ZeroDivisionError
        stt, nt, sc, nc = map(np.float64, (stt, nt, sc, nc))
        r2 = test_proportions_2indep(stt, nt, sc, nc, alternative="two-sided", **kw)
        rg = test_proportions_2indep(stt, nt, sc, nc, alternative="larger", **kw)
        rl = test_proportions_2indep(stt, nt, sc, nc, alternative="smaller", **kw)
        lo, hi = confint_proportions_2indep(stt, nt, sc, nc, alpha=alpha, **kw)
        se = math.sqrt(r2.variance)
        close(se, math.sqrt(vc + vt), what=name)
        close(r2.diff, pt - pc, what=name)
        absolute = {"estimate": r2.diff, "se": se, "ci_low": lo, "ci_high": hi,
                    "p_value": r2.pvalue, "p_value_greater": rg.pvalue, "p_value_less": rl.pvalue}
        # cross-check statsmodels against the normal formulas
        nb = normal_block(pt - pc, math.sqrt(vc + vt), alpha)
        for k in absolute:
            close(absolute[k], nb[k], rel=1e-9, abs_=1e-15, what=f"{name}.{k}")
        if pc > 0:
            rel = normal_block((pt - pc) / abs(pc), math.sqrt(rel_delta_var(pc, pt, vc, vt)), alpha)
        else:
            rel = normal_block(None, None, alpha)
        out.append(case(
            name,
            {"control_successes": int(sc), "control_n": int(nc), "treatment_successes": int(stt),
             "treatment_n": int(nt), "alpha": alpha},
            {"absolute": absolute, "relative": rel},
            "absolute: statsmodels.stats.proportion.test_proportions_2indep(method='wald', "
            "compare='diff', alternative='two-sided'|'larger'|'smaller') + "
            "confint_proportions_2indep(method='wald', compare='diff'); relative: " + CLOSED
            + " (delta method, normal)"))
    return out


# ------------------------------------------------------------- 2. means
def means():
    specs = [
        ("equal_n", (1000, 10.0, 4.0), (1000, 10.5, 4.2), 0.05),
        ("unequal_n_unequal_sd", (500, 52.3, 12.1), (2500, 54.0, 20.7), 0.05),
        ("small_n", (8, 3.1, 1.2), (11, 4.4, 2.5), 0.05),
        ("negative_control_mean", (1200, -5.0, 3.0), (1300, -4.6, 3.4), 0.05),
        ("negative_effect", (4000, 120.0, 35.0), (3900, 118.2, 36.5), 0.05),
        ("large_n_alpha_0.01", (200_000, 1.25, 0.8), (200_000, 1.252, 0.81), 0.01),
        ("tiny_effect_p_near_1", (300, 7.0, 2.0), (320, 7.0005, 2.1), 0.05),
    ]
    out = []
    for name, (nc, mc, sdc), (nt, mt, sdt), alpha in specs:
        r2 = st.ttest_ind_from_stats(mt, sdt, nt, mc, sdc, nc, equal_var=False)
        rg = st.ttest_ind_from_stats(mt, sdt, nt, mc, sdc, nc, equal_var=False, alternative="greater")
        rl = st.ttest_ind_from_stats(mt, sdt, nt, mc, sdc, nc, equal_var=False, alternative="less")
        vt, vc = sdt ** 2 / nt, sdc ** 2 / nc
        df, se = _unequal_var_ttest_denom(sdt ** 2, nt, sdc ** 2, nc)
        df_cf = (vt + vc) ** 2 / (vt ** 2 / (nt - 1) + vc ** 2 / (nc - 1))
        close(df, df_cf, what=name)
        close(se, math.sqrt(vt + vc), what=name)
        est = mt - mc
        q = st.t.ppf(1 - alpha / 2, df)
        absolute = {"estimate": est, "se": se, "df": df, "ci_low": est - q * se, "ci_high": est + q * se,
                    "p_value": r2.pvalue, "p_value_greater": rg.pvalue, "p_value_less": rl.pvalue}
        tb = t_block(est, se, df, alpha)
        for k in absolute:
            close(absolute[k], tb[k], rel=1e-8, abs_=1e-15, what=f"{name}.{k}")
        rel = t_block(est / abs(mc), math.sqrt(rel_delta_var(mc, mt, vc, vt)), df, alpha)

        def sums(n, m, sd):
            return {"n": n, "sum": n * m, "sumsq": (n - 1) * sd ** 2 + n * m ** 2}

        out.append(case(
            name,
            {"control": {"n": nc, "mean": mc, "sd": sdc},
             "treatment": {"n": nt, "mean": mt, "sd": sdt}, "alpha": alpha,
             "control_sums": sums(nc, mc, sdc), "treatment_sums": sums(nt, mt, sdt)},
            {"absolute": absolute, "relative": rel},
            "absolute: scipy.stats.ttest_ind_from_stats(equal_var=False, alternative="
            "'two-sided'|'greater'|'less'), df/se: scipy.stats._stats_py._unequal_var_ttest_denom, "
            "CI: scipy.stats.t.ppf(1-alpha/2, welch_df); relative: " + CLOSED
            + " (delta method, Student t with Welch df)"))
    return out


# ------------------------------------------------------------- 3. ratio
def _ratio_arm_from_sums(s):
    n = s["n"]
    mn, md = s["sum_num"] / n, s["sum_den"] / n
    var_n = (s["sum_num2"] - n * mn * mn) / (n - 1)
    var_d = (s["sum_den2"] - n * md * md) / (n - 1)
    cov = (s["sum_num_den"] - n * mn * md) / (n - 1)
    r = s["sum_num"] / s["sum_den"]
    v = (var_n / md ** 2 - 2 * mn * cov / md ** 3 + mn ** 2 * var_d / md ** 4) / n
    return r, v


def _ratio_arm_raw(num, den):
    n = len(num)
    mn, md = num.mean(), den.mean()
    c = np.cov(num, den, ddof=1)
    r = num.sum() / den.sum()
    v = (c[0, 0] / md ** 2 - 2 * mn * c[0, 1] / md ** 3 + mn ** 2 * c[1, 1] / md ** 4) / n
    return float(r), float(v)


def ratio():
    rng = np.random.default_rng(20240301)
    specs = [  # name, n_c, n_t, mean resolved count c/t, cost-per-resolution c/t
        ("n200_equal", 200, 200, 3.0, 3.0, 12.0, 11.0),
        ("n1000_equal", 1000, 1000, 2.5, 2.6, 20.0, 19.0),
        ("unequal_n", 800, 3000, 4.0, 4.0, 8.0, 8.4),
        ("n5000_null_effect", 5000, 5000, 3.0, 3.0, 15.0, 15.0),
        ("large_ratio_values", 2500, 2000, 1.5, 1.6, 250.0, 230.0),
    ]
    out = []
    for name, n_c, n_t, lam_c, lam_t, cpr_c, cpr_t in specs:
        arms, res = {}, {}
        for arm, n, lam, cpr in (("control", n_c, lam_c, cpr_c), ("treatment", n_t, lam_t, cpr_t)):
            den = (rng.poisson(lam - 0.5, size=n) + 1).astype(float)  # resolved count >= 1 per unit
            num = np.round(den * cpr * rng.gamma(4.0, 0.25, size=n) + rng.exponential(2.0, size=n), 2)
            s = {"n": n, "sum_num": math.fsum(num), "sum_den": math.fsum(den),
                 "sum_num2": math.fsum(num * num), "sum_den2": math.fsum(den * den),
                 "sum_num_den": math.fsum(num * den)}
            r_raw, v_raw = _ratio_arm_raw(num, den)
            r_s, v_s = _ratio_arm_from_sums(s)
            close(r_raw, r_s, rel=1e-12, what=name)
            close(v_raw, v_s, rel=1e-7, what=name)
            arms[arm] = s
            res[arm] = {"ratio": r_raw, "variance": v_raw, "se": math.sqrt(v_raw)}
        alpha = 0.05
        rc, vc = res["control"]["ratio"], res["control"]["variance"]
        rt, vt = res["treatment"]["ratio"], res["treatment"]["variance"]
        absolute = normal_block(rt - rc, math.sqrt(vt + vc), alpha)
        relative = normal_block(rt / rc - 1, math.sqrt(vt / rc ** 2 + rt ** 2 * vc / rc ** 4), alpha)
        out.append(case(
            name, {"alpha": alpha, "control": arms["control"], "treatment": arms["treatment"]},
            {"control": res["control"], "treatment": res["treatment"],
             "absolute": absolute, "relative": relative},
            CLOSED + " (ratio delta method; per-unit sample var/cov ddof=1; normal CI/p). "
            "Verified: raw-row numpy (np.cov) == sufficient-statistics formula"))
    return out


# ------------------------------------------------------------- 4. cuped
def _cuped_from_raw(y, x, arm, alpha):
    """Expected CUPED values from raw rows (arm: 0 control, 1 treatment)."""
    theta = np.cov(y, x, ddof=1)[0, 1] / np.var(x, ddof=1)
    xbar = x.mean()
    adj = y - theta * (x - xbar)  # explicit per-unit adjusted values
    r = {"theta": float(theta)}
    for a, lab in ((0, "control"), (1, "treatment")):
        m = arm == a
        r[lab] = {"n": int(m.sum()), "adjusted_mean": float(adj[m].mean()),
                  "adjusted_variance": float(np.var(y[m] - theta * x[m], ddof=1)),
                  "unadjusted_mean": float(y[m].mean()),
                  "unadjusted_variance": float(np.var(y[m], ddof=1))}
        close(np.var(adj[m], ddof=1), r[lab]["adjusted_variance"], rel=1e-9)
    c, t = r["control"], r["treatment"]
    vc, vt = c["adjusted_variance"] / c["n"], t["adjusted_variance"] / t["n"]
    se_adj = math.sqrt(vc + vt)
    se_raw = math.sqrt(c["unadjusted_variance"] / c["n"] + t["unadjusted_variance"] / t["n"])
    r["absolute"] = normal_block(t["adjusted_mean"] - c["adjusted_mean"], se_adj, alpha)
    mc, mt = c["adjusted_mean"], t["adjusted_mean"]
    r["relative"] = normal_block((mt - mc) / abs(mc), math.sqrt(rel_delta_var(mc, mt, vc, vt)), alpha)
    r["unadjusted"] = normal_block(t["unadjusted_mean"] - c["unadjusted_mean"], se_raw, alpha)
    r["variance_reduction"] = 1 - se_adj ** 2 / se_raw ** 2
    return r, adj


def _cuped_from_sums(sc, stt):
    """Same quantities from per-arm sufficient statistics (what the C# will do)."""
    def mom(s):
        n = s["n"]
        my, mx = s["sum_y"] / n, s["sum_x"] / n
        return (n, my, mx, (s["sum_y2"] - n * my * my) / (n - 1),
                (s["sum_x2"] - n * mx * mx) / (n - 1), (s["sum_xy"] - n * mx * my) / (n - 1))
    all_ = {k: sc[k] + stt[k] for k in sc}
    n, my, mx, vy, vx, cxy = mom(all_)
    theta = cxy / vx
    res = {"theta": theta}
    for lab, s in (("control", sc), ("treatment", stt)):
        n_, my_, mx_, vy_, vx_, cxy_ = mom(s)
        res[lab] = (my_ - theta * (mx_ - mx), vy_ + theta ** 2 * vx_ - 2 * theta * cxy_)
    return res


def _sums(y, x):
    return {"n": len(y), "sum_y": math.fsum(y), "sum_y2": math.fsum(y * y), "sum_x": math.fsum(x),
            "sum_x2": math.fsum(x * x), "sum_xy": math.fsum(x * y)}


def _cuped_case(name, y, x, arm, alpha, source_extra="", **extra):
    exp, adj = _cuped_from_raw(y, x, arm, alpha)
    sc, stt = _sums(y[arm == 0], x[arm == 0]), _sums(y[arm == 1], x[arm == 1])
    fs = _cuped_from_sums(sc, stt)
    close(fs["theta"], exp["theta"], rel=1e-7, what=name)
    for lab in ("control", "treatment"):
        close(fs[lab][0], exp[lab]["adjusted_mean"], rel=1e-9, abs_=1e-9, what=name)
        close(fs[lab][1], exp[lab]["adjusted_variance"], rel=1e-6, what=name)
    # statsmodels OLS: y ~ 1 + treatment + (x - xbar); coefficient uses within-arm pooled slope
    X = sm.add_constant(np.column_stack([arm.astype(float), x - x.mean()]))
    ols = sm.OLS(y, X).fit()
    cross = {"ols_treatment_coef": float(ols.params[1]), "ols_treatment_se": float(ols.bse[1]),
             "ols_treatment_se_hc1": float(ols.HC1_se[1]), "ols_x_coef": float(ols.params[2]),
             "explicit_adjusted_lift": float(adj[arm == 1].mean() - adj[arm == 0].mean())}
    close(cross["explicit_adjusted_lift"], exp["absolute"]["estimate"], rel=1e-9, abs_=1e-12)
    return case(name, {"alpha": alpha, "control": sc, "treatment": stt}, exp,
                CLOSED + " (CUPED, pooled theta ddof=1, normal CI/p, delta-method relative)" + source_extra
                + "; crosscheck: statsmodels.api.OLS(y ~ 1 + treatment + x_centered)",
                crosscheck=cross, **extra)


def cuped():
    out = []
    rng = np.random.default_rng(4242)
    specs = [  # name, n_c, n_t, corr-strength b, effect, control intercept, noise sd
        ("equal_n_strong_corr", 2000, 2000, 0.9, 1.5, 50.0, 8.0),
        ("unequal_n", 1500, 4500, 0.7, 0.8, 20.0, 10.0),
        ("small_n", 100, 120, 0.8, 2.0, 30.0, 6.0),
        ("weak_correlation", 3000, 3000, 0.1, 0.5, 40.0, 12.0),
        ("negative_control_mean", 2500, 2500, 0.6, 0.7, -30.0, 5.0),
    ]
    for name, n_c, n_t, b, eff, icpt, sd in specs:
        arm = np.concatenate([np.zeros(n_c, int), np.ones(n_t, int)])
        x = np.round(rng.normal(25.0, 10.0, size=n_c + n_t), 3)
        y = np.round(icpt + b * (x - 25.0) + eff * arm + rng.normal(0, sd, size=n_c + n_t), 3)
        out.append(_cuped_case(name, y, x, arm, 0.05))

    # ---- seed case: reproduce the numpy simulation exactly
    rng = np.random.default_rng(27)
    n = 20_000
    arm = rng.integers(0, 2, size=n)
    resolved_before = rng.binomial(1, 0.45, size=n)
    probability = np.clip(0.18 + 0.46 * resolved_before + 0.04 * arm, 0, 1)
    resolved_now = rng.binomial(1, probability)
    y, x = resolved_now.astype(float), resolved_before.astype(float)
    theta = np.cov(resolved_now, resolved_before, ddof=1)[0, 1] / np.var(resolved_before, ddof=1)
    adjusted = resolved_now - theta * (resolved_before - resolved_before.mean())

    def lift_se(v):
        a, c = v[arm == 1], v[arm == 0]
        return a.mean() - c.mean(), math.sqrt(a.var(ddof=1) / len(a) + c.var(ddof=1) / len(c))

    raw_lift, raw_se = lift_se(resolved_now)
    cup_lift, cup_se = lift_se(adjusted)
    vr_all = 1 - adjusted.var(ddof=1) / resolved_now.var(ddof=1)
    printed = {"raw_lift_pp": round(raw_lift * 100, 2), "raw_se_pp": round(raw_se * 100, 2),
               "cuped_lift_pp": round(cup_lift * 100, 2), "cuped_se_pp": round(cup_se * 100, 2),
               "variance_reduced_pct": round(vr_all * 100, 1)}
    assert printed == {"raw_lift_pp": 3.15, "raw_se_pp": 0.70, "cuped_lift_pp": 3.17,
                       "cuped_se_pp": 0.61, "variance_reduced_pct": 21.9}, printed
    c = _cuped_case("seed_rng27_binary_resolution", y, x, arm, 0.05,
                    " -- seed simulation np.random.default_rng(27), n=20000",
                    seed_printed=printed)
    e = c["expected"]
    close(e["theta"], theta, rel=1e-12)
    close(e["absolute"]["estimate"], cup_lift, rel=1e-12)
    close(e["absolute"]["se"], cup_se, rel=1e-12)
    close(e["unadjusted"]["estimate"], raw_lift, rel=1e-12)
    close(e["unadjusted"]["se"], raw_se, rel=1e-12)
    e["variance_reduction_all_units"] = float(vr_all)
    out.append(c)
    return out


# --------------------------------------------------------------- 5. srm
def srm():
    specs = [
        ("seed_1650_2350_half_half", [1650, 2350], [0.5, 0.5]),
        ("balanced", [5012, 4988], [0.5, 0.5]),
        ("three_arms_equal", [3350, 3300, 3410], [1 / 3, 1 / 3, 1 / 3]),
        ("unequal_weights_90_10", [9050, 950], [0.9, 0.1]),
        ("unequal_weights_three_arms", [2010, 2990, 5100], [0.2, 0.3, 0.5]),
        ("large_counts_small_imbalance", [5_003_000, 4_997_000], [0.5, 0.5]),
        ("weight_zero_arm_excluded", [500, 510, 3], [0.5, 0.5, 0.0]),
    ]
    out = []
    for name, counts, weights in specs:
        used = [i for i, w in enumerate(weights) if w > 0]
        c = np.array([counts[i] for i in used], float)
        w = np.array([weights[i] for i in used], float)
        w = w / w.sum()
        r = st.chisquare(c, f_exp=c.sum() * w)
        out.append(case(name, {"counts": counts, "weights": weights},
                        {"chi_square": r.statistic, "df": len(used) - 1, "p_value": r.pvalue,
                         "arms_used": used},
                        "scipy.stats.chisquare(counts, f_exp=total*weights)"
                        + (" on arms with weight>0, weights renormalized" if len(used) < len(counts) else "")))
    return out


# ------------------------------------------------------- 6. sample_size
def _z(alpha, power):
    return st.norm.ppf(1 - alpha / 2), st.norm.ppf(power)


def _arms(n_c_raw, k):
    n_c = math.ceil(n_c_raw)
    n_t = math.ceil(k * n_c_raw)
    return {"n_control_raw": n_c_raw, "n_control": n_c, "n_treatment": n_t, "total": n_c + n_t,
            "per_arm": n_c if k == 1 else None}


def sample_size():
    nip = NormalIndPower()
    res = {"simple": [], "pooled": [], "continuous": [], "mde": [], "power": [], "cuped": []}

    # (a) simple binary
    for name, p, d, a, pw, k in [
        ("seed_0.38_0.02", 0.38, 0.02, 0.05, 0.8, 1.0),
        ("p0.10_d0.01_power0.9", 0.10, 0.01, 0.05, 0.9, 1.0),
        ("p0.50_d0.05_alpha0.01", 0.50, 0.05, 0.01, 0.8, 1.0),
        ("p0.02_small_base_rate", 0.02, 0.004, 0.05, 0.8, 1.0),
        ("ratio_2", 0.38, 0.02, 0.05, 0.8, 2.0),
        ("ratio_0.5", 0.25, 0.03, 0.10, 0.8, 0.5),
    ]:
        za, zb = _z(a, pw)
        raw = p * (1 - p) * (1 + 1 / k) * (za + zb) ** 2 / d ** 2
        smr = nip.solve_power(effect_size=d / math.sqrt(p * (1 - p)), alpha=a, power=pw, ratio=k)
        exp = _arms(raw, k)
        res["simple"].append(case(name, {"baseline_rate": p, "mde": d, "alpha": a, "power": pw, "ratio": k},
                                  exp, CLOSED + " n_C = p(1-p)(1+1/k)(z_{1-a/2}+z_power)^2/d^2, ceil; n_T = ceil(k*n_C_raw)",
                                  crosscheck={"n_control_raw_closed_form": raw,
                                              "n_control_raw_statsmodels": float(smr),
                                              "statsmodels_call": "NormalIndPower().solve_power(effect_size=d/sqrt(p(1-p)), alpha, power, ratio=k) (includes the far tail)"}))
    assert res["simple"][0]["expected"]["per_arm"] == 9246

    # (b) pooled binary
    for name, pa, d, a, pw, k in [
        ("seed001_0.60_0.05", 0.60, 0.05, 0.05, 0.8, 1.0),
        ("seed001_0.60_0.02", 0.60, 0.02, 0.05, 0.8, 1.0),
        ("p0.10_d0.02_power0.9", 0.10, 0.02, 0.05, 0.9, 1.0),
        ("negative_mde", 0.30, -0.03, 0.05, 0.8, 1.0),
        ("ratio_2", 0.60, 0.05, 0.05, 0.8, 2.0),
        ("ratio_0.25", 0.20, 0.04, 0.05, 0.8, 0.25),
    ]:
        za, zb = _z(a, pw)
        pb = pa + d
        pbar = (pa + k * pb) / (1 + k)
        raw = (za * math.sqrt(pbar * (1 - pbar) * (1 + 1 / k))
               + zb * math.sqrt(pa * (1 - pa) + pb * (1 - pb) / k)) ** 2 / d ** 2
        # statsmodels: sample1 = control (pA), sample2 = treatment (pB), nobs2 = k*nobs1
        smr = samplesize_proportions_2indep_onetail(pa - pb, pb, pw, ratio=k, alpha=a, alternative="two-sided")
        close(raw, float(smr), rel=1e-9, what=name)
        exp = _arms(raw, k)
        res["pooled"].append(case(name, {"baseline_rate": pa, "mde": d, "alpha": a, "power": pw, "ratio": k},
                                  exp, CLOSED + " pooled-null/unpooled-alternative; == statsmodels.stats.proportion."
                                  "samplesize_proportions_2indep_onetail(diff=pA-pB, prop2=pB, power, ratio=k, alpha, alternative='two-sided')",
                                  crosscheck={"n_control_raw_closed_form": raw, "n_control_raw_statsmodels": float(smr)}))
    assert res["pooled"][0]["expected"]["total"] == 2942
    assert res["pooled"][1]["expected"]["total"] == 18672

    # (c) continuous
    for name, sd, d, a, pw, k in [
        ("sd10_d1", 10.0, 1.0, 0.05, 0.8, 1.0),
        ("sd300_d20_latency", 300.0, 20.0, 0.05, 0.9, 1.0),
        ("ratio_3", 4.0, 0.5, 0.05, 0.8, 3.0),
        ("alpha0.10_ratio_0.5", 1.2, 0.1, 0.10, 0.8, 0.5),
        ("negative_mde", 50.0, -5.0, 0.01, 0.8, 1.0),
    ]:
        za, zb = _z(a, pw)
        raw = sd ** 2 * (1 + 1 / k) * (za + zb) ** 2 / d ** 2
        smr = nip.solve_power(effect_size=abs(d) / sd, alpha=a, power=pw, ratio=k)
        res["continuous"].append(case(name, {"sd": sd, "mde": d, "alpha": a, "power": pw, "ratio": k},
                                      _arms(raw, k), CLOSED + " n_C = sd^2(1+1/k)(z+z)^2/d^2, ceil; n_T = ceil(k*n_C_raw)",
                                      crosscheck={"n_control_raw_closed_form": raw, "n_control_raw_statsmodels": float(smr),
                                                  "statsmodels_call": "NormalIndPower().solve_power(effect_size=|d|/sd, alpha, power, ratio=k)"}))

    # (d) mde for given n_control
    for name, kind, p_or_sd, n_c, a, pw, k in [
        ("binary_seed_p0.38_n9246", "binary_simple", 0.38, 9246, 0.05, 0.8, 1.0),
        ("binary_p0.10_n50000_ratio2", "binary_simple", 0.10, 50000, 0.05, 0.9, 2.0),
        ("continuous_sd10_n1570", "continuous", 10.0, 1570, 0.05, 0.8, 1.0),
        ("continuous_sd300_n200_ratio0.5", "continuous", 300.0, 200, 0.10, 0.8, 0.5),
    ]:
        za, zb = _z(a, pw)
        var = p_or_sd * (1 - p_or_sd) if kind == "binary_simple" else p_or_sd ** 2
        mde = (za + zb) * math.sqrt(var * (1 + 1 / k) / n_c)
        sm_es = nip.solve_power(effect_size=None, nobs1=n_c, alpha=a, power=pw, ratio=k)
        inp = {"kind": kind, "n_control": n_c, "alpha": a, "power": pw, "ratio": k}
        inp["baseline_rate" if kind == "binary_simple" else "sd"] = p_or_sd
        res["mde"].append(case(name, inp, {"mde": mde},
                               CLOSED + " mde = (z_{1-a/2}+z_power)*sqrt(var*(1+1/k)/n_C), var = p(1-p) or sd^2",
                               crosscheck={"mde_statsmodels": float(sm_es) * math.sqrt(var),
                                           "statsmodels_call": "NormalIndPower().solve_power(nobs1=n_C, ratio=k)*sqrt(var) (includes far tail)"}))

    # (e) power for given n_control
    for name, kind, p_or_sd, d, n_c, a, k in [
        ("binary_seed_p0.38_d0.02_n9246", "binary_simple", 0.38, 0.02, 9246, 0.05, 1.0),
        ("binary_underpowered", "binary_simple", 0.10, 0.005, 5000, 0.05, 1.0),
        ("continuous_sd10_d1_n1000_ratio2", "continuous", 10.0, 1.0, 1000, 0.05, 2.0),
        ("continuous_negative_d", "continuous", 300.0, -25.0, 3000, 0.01, 1.0),
        ("continuous_tiny_effect_power_near_alpha", "continuous", 10.0, 0.01, 100, 0.05, 1.0),
    ]:
        za = st.norm.ppf(1 - a / 2)
        var = p_or_sd * (1 - p_or_sd) if kind == "binary_simple" else p_or_sd ** 2
        n_t = k * n_c
        se = math.sqrt(var / n_c + var / n_t)
        power = st.norm.cdf(d / se - za) + st.norm.cdf(-d / se - za)
        smp = nip.power(effect_size=d / math.sqrt(var), nobs1=n_c, alpha=a, ratio=k, alternative="two-sided")
        close(power, float(smp), rel=1e-9, what=name)
        inp = {"kind": kind, "mde": d, "n_control": n_c, "alpha": a, "ratio": k}
        inp["baseline_rate" if kind == "binary_simple" else "sd"] = p_or_sd
        res["power"].append(case(name, inp, {"power": power, "se": se},
                                 CLOSED + " power = Phi(d/se - z) + Phi(-d/se - z); == statsmodels NormalIndPower().power(effect_size=d/sd, nobs1, alpha, ratio)",
                                 crosscheck={"power_statsmodels": float(smp)}))

    # (f) CUPED-adjusted continuous
    for name, sd, rho, d, a, pw, k in [
        ("sd10_rho0.5_d1", 10.0, 0.5, 1.0, 0.05, 0.8, 1.0),
        ("sd10_rho0_equals_continuous", 10.0, 0.0, 1.0, 0.05, 0.8, 1.0),
        ("sd300_rho0.8_ratio2", 300.0, 0.8, 20.0, 0.05, 0.9, 2.0),
        ("binary_like_rho0.47", math.sqrt(0.38 * 0.62), 0.47, 0.02, 0.05, 0.8, 1.0),
    ]:
        za, zb = _z(a, pw)
        raw = sd ** 2 * (1 - rho ** 2) * (1 + 1 / k) * (za + zb) ** 2 / d ** 2
        smr = nip.solve_power(effect_size=abs(d) / (sd * math.sqrt(1 - rho ** 2)), alpha=a, power=pw, ratio=k)
        res["cuped"].append(case(name, {"sd": sd, "rho": rho, "mde": d, "alpha": a, "power": pw, "ratio": k},
                                 _arms(raw, k), CLOSED + " n_C = sd^2(1-rho^2)(1+1/k)(z+z)^2/d^2, ceil",
                                 crosscheck={"n_control_raw_closed_form": raw, "n_control_raw_statsmodels": float(smr)}))
    return res


# ------------------------------------------------------------ 7. adjust
def adjust():
    specs = [
        ("seed_four", [0.001, 0.02, 0.12, 0.42]),
        ("unsorted", [0.42, 0.001, 0.12, 0.02]),
        ("ties", [0.01, 0.01, 0.03, 0.03, 0.2]),
        ("near_one", [0.97, 0.99, 0.5, 0.999]),
        ("single", [0.03]),
        ("many_small", [1e-10, 2e-6, 0.0004, 0.004, 0.011, 0.049, 0.05, 0.3, 0.75, 1.0]),
    ]
    out = []
    for name, ps in specs:
        exp = {m: multipletests(ps, method=m)[1].tolist() for m in ("bonferroni", "holm", "fdr_bh")}
        out.append(case(name, {"p_values": ps}, exp,
                        "statsmodels.stats.multitest.multipletests(p, method='bonferroni'|'holm'|'fdr_bh')[1]"))
    return out


# ---------------------------------------------------------- 8. quantile
def _os_quantile(x_sorted, q, alpha):
    n = len(x_sorted)
    z = st.norm.ppf(1 - alpha / 2)
    nq_exact = Fraction(n) * Fraction(str(q))
    rank_point = math.ceil(nq_exact)
    assert rank_point == math.ceil(n * q), "float n*q rounding differs from exact"
    half = z * math.sqrt(n * q * (1 - q))
    rank_low = max(1, math.floor(n * q - half))
    rank_high = min(n, math.ceil(n * q + half))
    v = lambda r: float(x_sorted[r - 1])
    se = (v(rank_high) - v(rank_low)) / (2 * z)
    return {"n": n, "q": q, "rank_point": rank_point, "rank_low": rank_low, "rank_high": rank_high,
            "value_point": v(rank_point), "value_low": v(rank_low), "value_high": v(rank_high), "se": se}


def quantile():
    rng = np.random.default_rng(8080)
    specs = [  # name, n_c, n_t, median_c, median_t, sigma_c, sigma_t
        ("n200_n250_rank_clamp_edge", 200, 250, 200.0, 190.0, 0.6, 0.6),
        ("n500_equal", 500, 500, 180.0, 175.0, 0.5, 0.5),
        ("n2000_vs_n3000", 2000, 3000, 220.0, 210.0, 0.7, 0.65),
        ("n20000_equal_heavier_tail_treatment", 20000, 20000, 150.0, 150.0, 0.6, 0.75),
    ]
    alpha, qs = 0.05, [0.5, 0.95, 0.99]
    out = []
    for name, n_c, n_t, med_c, med_t, s_c, s_t in specs:
        xc = np.round(rng.lognormal(math.log(med_c), s_c, size=n_c), 2)
        xt = np.round(rng.lognormal(math.log(med_t), s_t, size=n_t), 2)
        sc, stt = np.sort(xc), np.sort(xt)
        results, context = [], []
        for q in qs:
            c, t = _os_quantile(sc, q, alpha), _os_quantile(stt, q, alpha)
            for arr, r in ((xc, c), (xt, t)):
                assert r["value_point"] == float(np.quantile(arr, q, method="inverted_cdf"))
            diff = normal_block(t["value_point"] - c["value_point"], math.sqrt(t["se"] ** 2 + c["se"] ** 2), alpha)
            for k in ("p_value_greater", "p_value_less"):
                diff.pop(k)
            results.append({"q": q, "control": c, "treatment": t, "difference": diff})
            context.append({"q": q, "numpy_percentile_linear_control": float(np.percentile(xc, q * 100)),
                            "numpy_percentile_linear_treatment": float(np.percentile(xt, q * 100))})
        out.append(case(name, {"alpha": alpha, "quantiles": qs, "control": xc.tolist(), "treatment": xt.tolist()},
                        {"results": results},
                        CLOSED + " order-statistic CI (Deng, Knoblich & Lu 2018); point == "
                        "numpy.quantile(method='inverted_cdf'); difference normal", context=context))
    return out


# ---------------------------------------------------- 9. bayes_binomial
def _quad_pieces(f, pts):
    pts = sorted(set([0.0, 1.0] + [p for p in pts if 0.0 < p < 1.0]))
    tot, err = 0.0, 0.0
    for lo, hi in zip(pts[:-1], pts[1:]):
        v, e = scipy.integrate.quad(f, lo, hi, limit=500, epsabs=1e-14, epsrel=1e-12)
        tot += v
        err += e
    assert err < 1e-9, err
    return tot


def _p_b_beats_a_exact(aA, bA, aB, bB):
    """Closed form P(pB > pA) for integer aB (Evan Miller), via scipy.special.betaln."""
    terms = [math.exp(scipy.special.betaln(aA + i, bA + bB) - math.log(bB + i)
                      - scipy.special.betaln(1 + i, bB) - scipy.special.betaln(aA, bA)) for i in range(int(aB))]
    return math.fsum(terms)


def bayes_binomial():
    specs = [
        ("seed_flat_prior", 760, 2000, 840, 2000, 1, 1),
        ("small_n_flat_prior", 3, 12, 7, 14, 1, 1),
        ("seed_counts_prior_38_62", 760, 2000, 840, 2000, 38, 62),
        ("identical_arms", 500, 1000, 500, 1000, 1, 1),
        ("treatment_worse_unequal_n", 300, 1000, 560, 2000, 1, 1),
        ("zero_successes_small_n", 0, 20, 2, 20, 1, 1),
    ]
    out = []
    for name, sc, nc, stt, nt, pa, pb in specs:
        aC, bC, aT, bT = pa + sc, pb + nc - sc, pa + stt, pb + nt - stt
        C, T = st.beta(aC, bC), st.beta(aT, bT)
        levels = [1e-14, 1e-10, 1e-6, 1e-3, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98, 1 - 1e-3, 1 - 1e-6, 1 - 1e-10]
        pts = list(C.ppf(levels)) + list(T.ppf(levels))
        ctb = _quad_pieces(lambda x: C.pdf(x) * T.sf(x), pts)
        close(ctb, _p_b_beats_a_exact(aC, bC, aT, bT), rel=1e-8, abs_=1e-10, what=name)

        def excess(x, a, b):  # E[(x - Y)^+], Y ~ Beta(a, b)
            return x * scipy.special.betainc(a, b, x) - a / (a + b) * scipy.special.betainc(a + 1, b, x)

        loss_t = _quad_pieces(lambda x: C.pdf(x) * excess(x, aT, bT), pts)  # E[max(pC - pT, 0)]
        loss_c = _quad_pieces(lambda x: T.pdf(x) * excess(x, aC, bC), pts)  # E[max(pT - pC, 0)]
        mC, mT = aC / (aC + bC), aT / (aT + bT)
        close(loss_c - loss_t, mT - mC, rel=1e-8, abs_=1e-11, what=name)
        sd = math.sqrt(C.var() + T.var())
        out.append(case(name,
                        {"control_successes": sc, "control_n": nc, "treatment_successes": stt, "treatment_n": nt,
                         "prior_alpha": pa, "prior_beta": pb},
                        {"control_posterior": {"alpha": aC, "beta": bC, "mean": mC},
                         "treatment_posterior": {"alpha": aT, "beta": bT, "mean": mT},
                         "chance_to_beat": ctb, "expected_loss_treatment": loss_t, "expected_loss_control": loss_c,
                         "difference_mean": mT - mC, "difference_sd": sd},
                        "scipy.integrate.quad of scipy.stats.beta pdf/sf and scipy.special.betainc "
                        "(checked vs closed-form Evan Miller sum); moments exact"))
    return out


# ---------------------------------------------------- 10. bayes_gaussian
def bayes_gaussian():
    specs = [
        ("flat_prior_seed_prop", 0.04, 0.015479, None, None),
        ("weak_prior", 0.04, 0.015479, 0.0, 0.1),
        ("skeptical_prior", 0.04, 0.015479, 0.0, 0.01),
        ("negative_estimate_flat", -2.5, 1.2, None, None),
        ("prior_pulls_sign", 0.3, 0.5, -0.5, 0.2),
        ("zero_estimate", 0.0, 3.0, None, None),
    ]
    alpha = 0.05
    out = []
    for name, est, se, pm, psd in specs:
        if psd is None:
            m, s = est, se
        else:
            prec = 1 / se ** 2 + 1 / psd ** 2
            m, s = (est / se ** 2 + pm / psd ** 2) / prec, math.sqrt(1 / prec)
        z = m / s
        loss = s * st.norm.pdf(z) - m * st.norm.cdf(-z)
        chk, _ = scipy.integrate.quad(lambda t: -t * st.norm.pdf(t, m, s), m - 40 * s, 0.0, epsabs=1e-14) \
            if m - 40 * s < 0 else (0.0, 0)
        close(loss, chk, rel=1e-7, abs_=1e-12, what=name)
        out.append(case(name, {"estimate": est, "se": se, "prior_mean": pm, "prior_sd": psd, "alpha": alpha},
                        {"posterior_mean": m, "posterior_sd": s, "chance_to_beat": st.norm.cdf(z),
                         "ci_low": st.norm.ppf(alpha / 2, m, s), "ci_high": st.norm.ppf(1 - alpha / 2, m, s),
                         "expected_loss": loss},
                        CLOSED + " normal-normal conjugate; expected_loss = E[max(-theta,0)] (checked by quad)"))
    return out


# ---------------------------------------------------- 11. noninferiority
def noninferiority():
    specs = [
        ("seed000_latency_ms", 80.0, 30.0, 150.0, "increase_is_bad", 0.05),
        ("escalation_rate", -0.002, 0.0146, 0.005, "increase_is_bad", 0.05),
        ("increase_borderline_fail", 0.01, 0.004, 0.015, "increase_is_bad", 0.05),
        ("decrease_is_bad_pass", 0.001, 0.002, -0.005, "decrease_is_bad", 0.05),
        ("decrease_is_bad_fail", -0.004, 0.002, -0.005, "decrease_is_bad", 0.05),
        ("decrease_is_bad_alpha_0.025", -0.001, 0.0015, -0.005, "decrease_is_bad", 0.025),
    ]
    out = []
    for name, est, se, margin, direction, alpha in specs:
        z = st.norm.ppf(1 - alpha)
        if direction == "increase_is_bad":
            bound = est + z * se
            passed = bound < margin
            p = st.norm.cdf((est - margin) / se)
            _, p_chk = _zstat_generic2(est - margin, se, "smaller")
        else:
            bound = est - z * se
            passed = bound > margin
            p = 1 - st.norm.cdf((est - margin) / se)
            _, p_chk = _zstat_generic2(est - margin, se, "larger")
        close(p, float(p_chk), rel=1e-9, abs_=1e-15, what=name)
        assert passed == (p < alpha)
        out.append(case(name, {"estimate": est, "se": se, "margin": margin, "direction": direction, "alpha": alpha},
                        {"bound": bound, "passed": passed, "p_value": p},
                        CLOSED + " one-sided z; p == statsmodels.stats.weightstats._zstat_generic2(est-margin, se, "
                        "'smaller'|'larger')"))
    return out


# -------------------------------------------------------- 12. precision
def precision():
    n = 1_000_000_000
    half = n // 2
    vals = [(900, half), (1500, half)]
    s = sum(v * c for v, c in vals)
    s2 = sum(v * v * c for v, c in vals)
    mean = Fraction(s, n)
    ss = sum(c * (v - mean) ** 2 for v, c in vals)
    var_s, var_p = ss / (n - 1), ss / n
    assert mean == 1200 and var_p == 90000 and var_s == Fraction(90000 * n, n - 1)
    return [case("billion_latency_900_1500",
                 {"n": n, "values": [{"value": v, "count": c} for v, c in vals], "sum": s, "sumsq": s2,
                  "note": "not materialized: half the units are 900, half are 1500"},
                 {"mean": float(mean), "variance_sample": float(var_s), "variance_population": float(var_p),
                  "sd_sample": math.sqrt(float(var_s)), "variance_sample_exact_fraction":
                      f"{var_s.numerator}/{var_s.denominator}"},
                 "exact Python integers/fractions.Fraction")]


# --------------------------------------------------------------- main
def main():
    np.seterr(divide="ignore", invalid="ignore")
    doc = {
        "generated_by": "tests/reference/stats/generate.py (run: /usr/bin/python3 tests/reference/stats/generate.py)",
        "versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                     "statsmodels": statsmodels.__version__, "pandas": pd.__version__},
        "conventions": "treatment minus control; relative = (t - c)/|c|; alpha two-sided unless stated; "
                       "p_value_greater tests treatment > control",
        "proportions": proportions(),
        "means": means(),
        "ratio": ratio(),
        "cuped": cuped(),
        "srm": srm(),
        "sample_size": sample_size(),
        "adjust": adjust(),
        "quantile": quantile(),
        "bayes_binomial": bayes_binomial(),
        "bayes_gaussian": bayes_gaussian(),
        "noninferiority": noninferiority(),
        "precision": precision(),
    }
    path = os.path.join(HERE, "expected.json")
    with open(path, "w") as f:
        json.dump(clean(doc), f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
