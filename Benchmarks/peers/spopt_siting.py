"""Peer for siting: PySAL spopt (PuLP + CBC) on the same demand,site,cost table
that `aircover solve` reads. Times the model build (from the cost matrix) and
the solve separately, as spopt users would run them, and prints one JSON object.

    python spopt_siting.py --costs costs.csv --weights weights.csv --threshold 30 --model mclp -p 8

Models: lscp, mclp (-p), backup (spopt's LSCP-B: the LSCP optimum's number of
sites, maximising the demands covered twice; unit weights), pcenter (-p) and
pmedian (-p; weighted). The costs are the pairs within the standard; spopt's
dense models get 1e9 for the others, and demands no site reaches are left
out (aircover lists them), so p must be large enough to serve every demand
within the standard for the optima to agree.
"""
import argparse
import csv
import json
import sys
import time

import numpy as np
import pulp
from spopt.locate import LSCP, LSCPB, MCLP, PCenter, PMedian

p = argparse.ArgumentParser()
p.add_argument("--costs", required=True)
p.add_argument("--weights")
p.add_argument("--threshold", type=float, required=True)
p.add_argument("--model", choices=["lscp", "mclp", "backup", "pcenter", "pmedian"], required=True)
p.add_argument("-p", type=int)
a = p.parse_args()

read0 = time.perf_counter()
demands, sites, pairs = {}, {}, []
with open(a.costs) as f:
    for row in csv.DictReader(f):
        d = demands.setdefault(row["demand"], len(demands))
        s = sites.setdefault(row["site"], len(sites))
        pairs.append((d, s, float(row["cost"])))
matrix = np.full((len(demands), len(sites)), 1e9)
for d, s, c in pairs:
    matrix[d, s] = c
weights = np.ones(len(demands))
if a.weights:
    with open(a.weights) as f:
        for row in csv.DictReader(f):
            if row["demand"] in demands:
                weights[demands[row["demand"]]] = float(row["weight"])
read = time.perf_counter() - read0

# For a harness that may stop this run: when the timed part (build + solve) starts.
# time.monotonic() is CLOCK_MONOTONIC on Linux: one clock for every process, not stepped like the wall clock.
print(json.dumps({"build_starts_monotonic": time.monotonic()}), file=sys.stderr, flush=True)
build0 = time.perf_counter()
# spopt's covering models need every demand coverable: drop the ones no site reaches, as aircover lists them.
keep = (matrix <= a.threshold).any(axis=1)
if a.model == "lscp":
    model = LSCP.from_cost_matrix(matrix[keep], a.threshold)
elif a.model == "backup":
    # Builds and solves the LSCP for its number of sites first.
    model = LSCPB.from_cost_matrix(matrix[keep], a.threshold, pulp.PULP_CBC_CMD(msg=False))
elif a.model == "pcenter":
    model = PCenter.from_cost_matrix(matrix[keep], p_facilities=a.p)
elif a.model == "pmedian":
    model = PMedian.from_cost_matrix(matrix[keep], weights[keep], p_facilities=a.p)
else:
    model = MCLP.from_cost_matrix(matrix, weights, a.threshold, p_facilities=a.p)
build = time.perf_counter() - build0
solve0 = time.perf_counter()
if a.model == "backup":
    model.solve(results=False)  # LSCP-B holds its solver from the build
else:
    model.solve(pulp.PULP_CBC_CMD(msg=False), results=False)
solve = time.perf_counter() - solve0
status = pulp.LpStatus[model.problem.status]
objective = pulp.value(model.problem.objective)
if a.model == "pmedian":
    # spopt's p-median objective is the weighted total; aircover reports the weighted mean.
    objective /= float(np.sum(weights[keep]))
selected = [name for name, var in zip(sites, model.fac_vars) if var.value() and var.value() > 0.5]
print(json.dumps({"peer": "spopt", "model": a.model, "p": a.p, "status": status, "objective": objective,
                  "selected": sorted(selected), "read_s": read, "build_s": build, "solve_s": solve,
                  "build_and_solve_s": build + solve}))
