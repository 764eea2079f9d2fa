"""Peer for `aircover-bench geodesics`: the same pairs' inverse geodesics by
pyproj (`Geod.inv` on numpy arrays, one vectorised call, Karney's algorithm
in PROJ as aircover's `Geodesic.inverse`). Prints one JSON object.
"""
import argparse
import json
import time

import numpy as np
from pyproj import Geod

from splitmix import liaoning_bases

p = argparse.ArgumentParser()
p.add_argument("--pairs", type=int, default=1_000_000)
a = p.parse_args()

points = np.array(liaoning_bases(2 * a.pairs))
lon1, lat1 = points[0::2, 0].copy(), points[0::2, 1].copy()
lon2, lat2 = points[1::2, 0].copy(), points[1::2, 1].copy()
geod = Geod(ellps="WGS84")
cpu0 = time.process_time()
_, _, distance = geod.inv(lon1, lat1, lon2, lat2)
cpu = time.process_time() - cpu0
print(json.dumps({"task": "geodesics", "pairs": a.pairs, "cpu_s": cpu, "per_second": a.pairs / cpu,
                  "distance_sum_m": float(np.sum(distance))}))
