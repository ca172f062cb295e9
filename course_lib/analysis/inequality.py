"""Measures of how uneven incomes are across countries (notebook 05): the ratio of the
richest to the poorest, the coefficient of variation and the Theil T index, each
vectorised over a year x country table (one value per row).

>>> round(float(theil_t([1.0, 3.0]).iloc[0]), 4)
0.1308
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import CourseError


# --------------------------------------------------------------------------- measures
def _as_frame(values) -> pd.DataFrame:
    if isinstance(values, pd.Series):
        return values.to_frame().T
    if isinstance(values, pd.DataFrame):
        return values
    return pd.DataFrame([np.asarray(values, dtype="float64")])


def _check_positive(frame: pd.DataFrame, what: str) -> None:
    if (frame <= 0).to_numpy().any():
        raise CourseError(f"{what} must be positive (a zero or negative value has no logarithm "
                          "and no meaningful ratio).")


def max_min_ratio(values) -> pd.Series:
    """Richest ÷ poorest, row by row (NaN cells skipped; NaN if fewer than 2 values).

    >>> max_min_ratio(pd.DataFrame({"A": [1.0, 2.0], "B": [4.0, None], "C": [2.0, 8.0]}))
    0    4.0
    1    4.0
    dtype: float64
    """
    f = _as_frame(values).astype("float64")
    _check_positive(f, "Incomes")
    out = f.max(axis=1) / f.min(axis=1)
    return out.where(f.notna().sum(axis=1) >= 2)


def coefficient_of_variation(values) -> pd.Series:
    """Standard deviation ÷ mean across countries, row by row, every country counting once.

    CV = sqrt( (1/n) Σ (y_i − ȳ)² ) / ȳ, with ȳ the unweighted mean of the n countries
    that have a value (the *population* standard deviation, ddof = 0: these countries
    are the whole group described, not a sample). NaN if fewer than 2 values.

    >>> coefficient_of_variation(pd.DataFrame({"A": [1.0], "B": [3.0]}))  # sd 1, mean 2
    0    0.5
    dtype: float64
    """
    f = _as_frame(values).astype("float64")
    out = f.std(axis=1, ddof=0) / f.mean(axis=1)
    return out.where(f.notna().sum(axis=1) >= 2)


def theil_t(values, weights=None) -> pd.Series:
    """Theil T index of incomes, row by row, optionally weighted (by population).

    With income per person y_i and population p_i of country i, population shares
    s_i = p_i / Σ p_j and the weighted mean μ = Σ s_i y_i::

        T = Σ_i s_i (y_i / μ) ln(y_i / μ)

    T is 0 when every country has the same income and grows as incomes spread; its
    largest value is ln(1 / s_min), reached when the smallest group holds all income.
    Weighted by population, T describes **between-country inequality among people**
    (everyone is given the average income of their country; inequality *within*
    countries is ignored). Without weights every country counts once (s_i = 1/n).
    Multiplying every income by the same factor (inflation, a currency unit) leaves T
    unchanged. A country-year where the income or the weight is missing is left out.

    Parameters
    ----------
    values : DataFrame (rows = years, columns = countries), Series or list
        Incomes, all > 0.
    weights : same shape, optional
        Populations (default: equal weights).

    Examples
    --------
    Two countries with equal populations and incomes 1 and 3: μ = 2 and
    T = ½·½·ln ½ + ½·(3/2)·ln(3/2) = ¾ ln 1.5 − ¼ ln 2 ≈ 0.1308.

    >>> round(float(theil_t([1.0, 3.0]).iloc[0]), 4)
    0.1308

    Weighting matters: three people at income 1 and one at income 5 (μ = 2) give
    ¾·½·ln ½ + ¼·(5/2)·ln(5/2) ≈ 0.3128.

    >>> round(float(theil_t([1.0, 5.0], [3.0, 1.0]).iloc[0]), 4)
    0.3128
    >>> round(float(theil_t([7.0, 7.0, 7.0]).iloc[0]), 12)  # equal incomes: no inequality
    0.0
    """
    y = _as_frame(values).astype("float64")
    if weights is None:
        w = pd.DataFrame(1.0, index=y.index, columns=y.columns)
    else:
        w = _as_frame(weights).astype("float64")
        if w.shape != y.shape:
            raise CourseError(f"Weights have shape {w.shape}, incomes {y.shape}: they must match.")
        w = pd.DataFrame(w.to_numpy(), index=y.index, columns=y.columns)
        if (w < 0).to_numpy().any():
            raise CourseError("Weights (populations) cannot be negative.")
    _check_positive(y, "Incomes")
    usable = y.notna() & w.notna()
    y = y.where(usable)
    w = w.where(usable)
    s = w.div(w.sum(axis=1), axis=0)
    mu = (s * y).sum(axis=1, min_count=1)
    r = y.div(mu, axis=0)
    t = (s * r * np.log(r)).sum(axis=1, min_count=1)
    return t.clip(lower=0.0).where(usable.sum(axis=1) >= 1)

