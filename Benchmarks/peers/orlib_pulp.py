"""Peer for OR-Library set covering: the plain model (min Σ c_j x_j, every row
covered, x binary) built with PuLP and solved by CBC, one instance per call.
Prints one JSON object with the objective, status and times."""
import argparse
import json
import time

import pulp

p = argparse.ArgumentParser()
p.add_argument("file")
a = p.parse_args()

build0 = time.perf_counter()
numbers = iter(int(x) for x in open(a.file).read().split())
m, n = next(numbers), next(numbers)
costs = [next(numbers) for _ in range(n)]
rows = []
for _ in range(m):
    k = next(numbers)
    rows.append([next(numbers) - 1 for _ in range(k)])
problem = pulp.LpProblem("scp", pulp.LpMinimize)
x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(n)]
problem += pulp.lpSum(c * v for c, v in zip(costs, x))
for r, cols in enumerate(rows):
    problem += pulp.lpSum(x[j] for j in cols) >= 1, f"r{r}"
build = time.perf_counter() - build0
solve0 = time.perf_counter()
problem.solve(pulp.PULP_CBC_CMD(msg=False, threads=1))
solve = time.perf_counter() - solve0
print(json.dumps({"peer": "pulp-cbc", "status": pulp.LpStatus[problem.status], "objective": pulp.value(problem.objective),
                  "build_s": build, "solve_s": solve, "build_and_solve_s": build + solve}))
