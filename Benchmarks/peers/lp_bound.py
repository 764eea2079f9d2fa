"""The LP relaxation's bound of a covering model, as an independent reference
for the bounds aircover reaches: the textbook model in PuLP with every
variable continuous in [0, 1], solved by CBC (Clp underneath). Prints one
JSON object: the bound and the seconds spent building and solving.

    python lp_bound.py --costs costs.csv --weights weights.csv --threshold 30 --model mclp -p 8

- mclp: max Σ w_i y_i  s.t.  y_i ≤ Σ_{j covers i} x_j,  Σ x_j ≤ p  (an upper bound on the optimum);
- lscp: min Σ x_j  s.t.  Σ_{j covers i} x_j ≥ 1 for every demand some site covers (a lower bound).

A pair covers when its cost is at most the threshold. Demands no site covers
are left out (they cover nothing and need no cover).
"""
import argparse
import csv
import json
import time

import pulp

p = argparse.ArgumentParser()
p.add_argument("--costs", required=True)
p.add_argument("--weights")
p.add_argument("--threshold", type=float, required=True)
p.add_argument("--model", choices=["lscp", "mclp"], required=True)
p.add_argument("-p", type=int)
a = p.parse_args()

covering = {}
sites = set()
with open(a.costs) as f:
    for row in csv.DictReader(f):
        if float(row["cost"]) <= a.threshold:
            covering.setdefault(row["demand"], []).append(row["site"])
            sites.add(row["site"])
weights = {}
if a.weights:
    with open(a.weights) as f:
        for row in csv.DictReader(f):
            weights[row["demand"]] = float(row["weight"])

start = time.perf_counter()
x = {s: pulp.LpVariable(f"x{n}", 0, 1) for n, s in enumerate(sorted(sites))}
if a.model == "mclp":
    problem = pulp.LpProblem("mclp_lp", pulp.LpMaximize)
    y = {d: pulp.LpVariable(f"y{n}", 0, 1) for n, d in enumerate(covering)}
    problem += pulp.lpSum(weights.get(d, 1.0) * y[d] for d in covering)
    for d, covers in covering.items():
        problem += y[d] <= pulp.lpSum(x[s] for s in covers)
    problem += pulp.lpSum(x.values()) <= a.p
else:
    problem = pulp.LpProblem("lscp_lp", pulp.LpMinimize)
    problem += pulp.lpSum(x.values())
    for covers in covering.values():
        problem += pulp.lpSum(x[s] for s in covers) >= 1
problem.solve(pulp.PULP_CBC_CMD(msg=False))
seconds = time.perf_counter() - start
print(json.dumps({"model": a.model, "p": a.p, "status": pulp.LpStatus[problem.status],
                  "lp_bound": pulp.value(problem.objective), "seconds": seconds}))
