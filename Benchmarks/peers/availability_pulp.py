"""Peer for the availability models: each built as a plain PuLP + CBC model
on the same demand,site,cost table `aircover solve` reads (no peer library
offers them). Times the build and the solve and prints one JSON object.

    python availability_pulp.py --costs costs.csv --weights weights.csv --threshold 30 --model mexclp -p 12 --busy 0.3 --per-site 2

MEXCLP (Daskin 1983): x_j ∈ {0, …, K} aircraft at site j, Σ x_j = P;
y_ik ∈ [0, 1] for k = 1 … min(P, K |N_i|), Σ_k y_ik ≤ Σ_{j ∈ N_i} x_j;
maximise Σ_i Σ_k h_i (1 − q) q^(k−1) y_ik (= Σ_i h_i (1 − q^n_i) at an optimum).
MALP I (ReVelle & Hogan 1989): z_i ∈ {0, 1}, b z_i ≤ Σ_{j ∈ N_i} x_j with
b = ⌈log(1 − α) / log q⌉; maximise Σ_i h_i z_i. N_i: the sites whose cost to
demand i is at most the threshold.
Max–min over groups (--model maxmin --groups demand,group): x_j ∈ {0, 1},
Σ x_j ≤ P, 0 ≤ y_i ≤ Σ_{j ∈ N_i} x_j, y_i ≤ 1; first maximise t with
Σ_{i ∈ g} h_i y_i ≥ t H_g for every group g of weight H_g > 0, then, with
t ≥ t* (less 1e-9 t*), maximise Σ_i h_i y_i: the objective reported.
"""
import argparse
import csv
import json
import math
import sys
import time

import pulp

p = argparse.ArgumentParser()
p.add_argument("--costs", required=True)
p.add_argument("--weights")
p.add_argument("--threshold", type=float, required=True)
p.add_argument("--model", choices=["mexclp", "malp", "maxmin"], required=True)
p.add_argument("-p", type=int, required=True)
p.add_argument("--busy", type=float)
p.add_argument("--groups")
p.add_argument("--alpha", type=float)
p.add_argument("--per-site", type=int, default=1)
a = p.parse_args()

demands, sites, reach = {}, {}, {}
with open(a.costs) as f:
    for row in csv.DictReader(f):
        d = demands.setdefault(row["demand"], len(demands))
        s = sites.setdefault(row["site"], len(sites))
        if float(row["cost"]) <= a.threshold:
            reach.setdefault(d, []).append(s)
weights = [1.0] * len(demands)
if a.weights:
    with open(a.weights) as f:
        for row in csv.DictReader(f):
            if row["demand"] in demands:
                weights[demands[row["demand"]]] = float(row["weight"])

print(json.dumps({"build_starts_monotonic": time.monotonic()}), file=sys.stderr, flush=True)
build0 = time.perf_counter()
if a.model == "maxmin":
    group = {}
    with open(a.groups) as f:
        for row in csv.DictReader(f):
            if row["demand"] in demands:
                group[demands[row["demand"]]] = row["group"]
    total = {}
    for i in range(len(demands)):
        total[group[i]] = total.get(group[i], 0.0) + weights[i]
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(len(sites))]
    y = {i: pulp.LpVariable(f"y{i}", 0, 1) for i in reach}
    t = pulp.LpVariable("t", 0, 1)

    def model(stage_two_floor=None):
        problem = pulp.LpProblem("maxmin", pulp.LpMaximize)
        problem += pulp.lpSum(x) <= a.p
        for i, near in reach.items():
            problem += y[i] <= pulp.lpSum(x[j] for j in near)
        for g, weight in total.items():
            if weight > 0:
                problem += pulp.lpSum(weights[i] * y[i] for i in reach if group[i] == g) >= t * weight
        if stage_two_floor is None:
            problem += t
        else:
            problem += t >= stage_two_floor
            problem += pulp.lpSum(weights[i] * y[i] for i in reach)
        return problem

    started = build0  # both stages, built and solved, are timed
    built = time.perf_counter()
    first = model()
    build = time.perf_counter() - built
    first.solve(pulp.PULP_CBC_CMD(msg=False))
    level = pulp.value(t)
    built = time.perf_counter()
    second = model(level - 1e-9 * level)
    build += time.perf_counter() - built
    second.solve(pulp.PULP_CBC_CMD(msg=False))
    elapsed = time.perf_counter() - started
    status = pulp.LpStatus[first.status] if pulp.LpStatus[first.status] != "Optimal" else pulp.LpStatus[second.status]
    names = list(sites)
    print(json.dumps({"peer": "PuLP + CBC", "model": "maxmin", "p": a.p, "status": status, "objective": pulp.value(second.objective),
                      "min_group_share": level, "selected": sorted(names[j] for j, v in enumerate(x) if v.value() and v.value() > 0.5),
                      "build_s": build, "solve_s": elapsed - build, "build_and_solve_s": elapsed}))
    sys.exit(0)
P, K, q = a.p, a.per_site, a.busy
problem = pulp.LpProblem(a.model, pulp.LpMaximize)
x = [pulp.LpVariable(f"x{j}", 0, K, cat="Integer") for j in range(len(sites))]
problem += pulp.lpSum(x) == P
terms = []
if a.model == "mexclp":
    for i, near in reach.items():
        levels = min(P, K * len(near))
        y = [pulp.LpVariable(f"y{i}_{k}", 0, 1) for k in range(1, levels + 1)]
        problem += pulp.lpSum(y) <= pulp.lpSum(x[j] for j in near)
        terms += [weights[i] * (1 - q) * q ** k * y[k] for k in range(levels)]
else:
    b = 1 if q == 0 else math.ceil(math.log(1 - a.alpha) / math.log(q) - 1e-9)
    for i, near in reach.items():
        if K * len(near) < b:
            continue
        z = pulp.LpVariable(f"z{i}", cat="Binary")
        problem += b * z <= pulp.lpSum(x[j] for j in near)
        terms.append(weights[i] * z)
problem += pulp.lpSum(terms)
build = time.perf_counter() - build0
solve0 = time.perf_counter()
problem.solve(pulp.PULP_CBC_CMD(msg=False))
solve = time.perf_counter() - solve0
names = list(sites)
placed = {names[j]: int(round(v.value())) for j, v in enumerate(x) if v.value() and v.value() > 0.5}
print(json.dumps({"peer": "PuLP + CBC", "model": a.model, "p": P, "status": pulp.LpStatus[problem.status],
                  "objective": pulp.value(problem.objective), "aircraft": placed,
                  "build_s": build, "solve_s": solve, "build_and_solve_s": build + solve}))
