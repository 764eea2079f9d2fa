"""Peer for `aircover-bench isochrones`: the same two-hour isochrones built the
way a Python user would, with pyproj (Geod.fwd, vectorised) and shapely.

Calm air: the geodesic disc of radius v·(T − dispatch), with the fixed number
of vertices n = ceil(π / acos(1 − tol/r)) that keeps every chord within the
tolerance of the circle (what aircover's adaptive placement achieves).
Uniform wind: the drifted disc (air disc moved downwind by w·t), the usual
planar construction; aircover integrates the wind triangle along geodesics
instead, so the shapes differ slightly (the harness reports by how much).

Prints one JSON object like aircover-bench.
"""
import argparse
import json
import math
import resource
import time

import numpy as np
from pyproj import Geod
from shapely.geometry import Polygon

from splitmix import liaoning_bases

p = argparse.ArgumentParser()
p.add_argument("--bases", type=int, default=200)
p.add_argument("--minutes", type=float, default=120)
p.add_argument("--tolerance", type=float, default=100)
p.add_argument("--wind", default="")
a = p.parse_args()

speed = 280 / 3.6  # m/s, as aircover-bench
flight = (a.minutes - 10) * 60
radius = speed * flight
geod = Geod(ellps="WGS84")
n = math.ceil(math.pi / math.acos(1 - a.tolerance / radius))
azimuths = np.linspace(0, 360, n, endpoint=False)
drift_azimuth, drift = 0.0, 0.0
if a.wind:
    frm, kmh = (float(x) for x in a.wind.split("@"))
    drift_azimuth, drift = frm + 180, kmh / 3.6 * flight

bases = liaoning_bases(a.bases)
cpu0, wall0 = time.process_time(), time.perf_counter()
vertices, area = 0, 0.0
for lon, lat in bases:
    if drift:
        lon, lat, _ = geod.fwd(lon, lat, drift_azimuth, drift)
    lons, lats, _ = geod.fwd(np.full(n, lon), np.full(n, lat), azimuths, np.full(n, radius))
    polygon = Polygon(np.column_stack([lons, lats]))
    assert polygon.is_valid
    vertices += n
    area += polygon.area
cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
print(json.dumps({
    "task": "isochrones-wind" if a.wind else "isochrones", "bases": a.bases, "minutes": a.minutes,
    "tolerance_m": a.tolerance, "wind": a.wind, "wall_s": wall, "cpu_s": cpu,
    "per_second_per_core": a.bases / cpu, "vertices": vertices, "lonlat_area_sum": area,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
