#!/usr/bin/env python3
"""What an analyst would write to get the Green Finance metrics out of the Rb-28S ZIPs with dbfread and
pandas: the yardstick of scripts/bench's green-finance case (not part of podium; not a checker).

    python3 scripts/bench.d/rb28s-pandas.py Rb28S_2019Q4.zip … > metrics.csv

Per ZIP: extract the .dbf into a temporary folder, read it with dbfread into a DataFrame, map the rows to
municipalities (a gmina's budget: GK != 00 and GT 1/2/3; a city with powiat rights: GK 00, PT 2, PK >= 61),
filter by paragraph, chapter and source of financing, and sum R4 per municipality and year."""
import os
import sys
import tempfile
import zipfile

import pandas as pd
from dbfread import DBF

GREEN = ["01043", "01044", "90001", "90002", "90004", "90005", "90006", "90007", "90008", "90026"]

frames = []
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory() as tmp:
        name = next(n for n in z.namelist() if n.lower().endswith(".dbf"))
        z.extract(name, tmp)
        table = DBF(os.path.join(tmp, name), encoding="cp1250", ignore_missing_memofile=True)
        df = pd.DataFrame(iter(table))
    df.columns = [c.upper() for c in df.columns]
    df["R4"] = df["R4"].fillna(0.0)
    gmina = (df.GK != "00") & df.GT.isin(["1", "2", "3"])
    city = (df.GK == "00") & (df.PT == "2") & (pd.to_numeric(df.PK, errors="coerce") >= 61)
    df = df[gmina | city].copy()
    df["teryt"] = df.WK + df.PK + df.GK.where(~city[df.index], "01") + df.GT.where(~city[df.index], "1")
    capital = df.PAR.str.startswith("6")
    green = df.ROZDZIAL.isin(GREEN) | df.ROZDZIAL.str.startswith("925")
    eu = df.PAR4.isin(["1", "7", "8"])
    df["expenditure_total"] = df.R4
    df["capital_expenditure"] = df.R4.where(capital, 0.0)
    df["green_capital_expenditure"] = df.R4.where(capital & green, 0.0)
    df["environmental_expenditure"] = df.R4.where(green, 0.0)
    df["eu_environmental_funds"] = df.R4.where(capital & green & eu, 0.0)
    sums = df.groupby(["teryt", "ROK"])[["expenditure_total", "capital_expenditure", "green_capital_expenditure",
                                        "environmental_expenditure", "eu_environmental_funds"]].sum()
    frames.append(sums)

result = pd.concat(frames).reset_index().rename(columns={"ROK": "year"})
long = result.melt(id_vars=["teryt", "year"], var_name="metric", value_name="value")
long.sort_values(["teryt", "year", "metric"]).to_csv(sys.stdout, index=False, float_format="%.2f")
