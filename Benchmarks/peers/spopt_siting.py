"""Peer for siting: PySAL spopt (PuLP + CBC) on the same demand,site,cost table
that `aircover solve` reads. Times the model build (from the cost matrix) and
the solve separately, as spopt users would run them, and prints one JSON object.

    python spopt_siting.py --costs costs.csv --weights weights.csv --threshold 30 --model mclp -p 8
"""
import argparse
import csv
import json
import time

import numpy as np
import pulp
from spopt.locate import LSCP, MCLP

p = argparse.ArgumentParser()
p.add_argument("--costs", required=True)
p.add_argument("--weights")
p.add_argument("--threshold", type=float, required=True)
p.add_argument("--model", choices=["lscp", "mclp"], required=True)
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

build0 = time.perf_counter()
if a.model == "lscp":
    # spopt's LSCP needs every demand coverable: drop the ones no site reaches, as aircover lists them.
    keep = (matrix <= a.threshold).any(axis=1)
    model = LSCP.from_cost_matrix(matrix[keep], a.threshold)
else:
    model = MCLP.from_cost_matrix(matrix, weights, a.threshold, p_facilities=a.p)
build = time.perf_counter() - build0
solve0 = time.perf_counter()
model.solve(pulp.PULP_CBC_CMD(msg=False), results=False)
solve = time.perf_counter() - solve0
status = pulp.LpStatus[model.problem.status]
objective = pulp.value(model.problem.objective)
if a.model == "mclp":
    # spopt's MCLP objective is the covered weight.
    selected = [name for name, var in zip(sites, model.fac_vars) if var.value() and var.value() > 0.5]
else:
    selected = [name for name, var in zip(sites, model.fac_vars) if var.value() and var.value() > 0.5]
print(json.dumps({"peer": "spopt", "model": a.model, "p": a.p, "status": status, "objective": objective,
                  "selected": sorted(selected), "read_s": read, "build_s": build, "solve_s": solve,
                  "build_and_solve_s": build + solve}))
