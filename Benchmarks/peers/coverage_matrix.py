"""Peer for the coverage matrix: what a Python user would write with shapely 2
and pyproj. For each site, the geodesic disc of radius speed × (standard −
dispatch) (Geod.fwd, vertices for a 100 m tolerance), the cells inside it
(shapely.contains_xy, vectorised), and their response times (Geod.inv,
vectorised). Same instance files as aircover-bench (cells.csv, sites.csv).
Prints one JSON object."""
import argparse
import csv
import json
import math
import resource
import time

import numpy as np
import shapely
from pyproj import Geod

p = argparse.ArgumentParser()
p.add_argument("--folder", required=True)
p.add_argument("--minutes", type=float, default=60)
a = p.parse_args()


def read(name):
    with open(f"{a.folder}/{name}") as f:
        rows = list(csv.DictReader(f))
    return np.array([float(r["lon"]) for r in rows]), np.array([float(r["lat"]) for r in rows])


cell_lon, cell_lat = read("cells.csv")
site_lon, site_lat = read("sites.csv")
speed, dispatch = 250 / 3.6, 15.0
radius = speed * (a.minutes - dispatch) * 60
geod = Geod(ellps="WGS84")
n = math.ceil(math.pi / math.acos(1 - 100 / radius))
azimuths = np.linspace(0, 360, n, endpoint=False)
wall0, cpu0 = time.perf_counter(), time.process_time()
pairs = 0
for lon, lat in zip(site_lon, site_lat):
    lons, lats, _ = geod.fwd(np.full(n, lon), np.full(n, lat), azimuths, np.full(n, radius))
    disc = shapely.Polygon(np.column_stack([lons, lats]))
    shapely.prepare(disc)
    inside = shapely.contains_xy(disc, cell_lon, cell_lat)
    if inside.any():
        _, _, distance = geod.inv(np.full(inside.sum(), lon), np.full(inside.sum(), lat), cell_lon[inside], cell_lat[inside])
        minutes = dispatch + distance / speed / 60
        pairs += int(inside.sum())
print(json.dumps({"peer": "shapely+pyproj", "task": "coverage-matrix", "cells": int(cell_lon.size), "sites": int(site_lon.size),
                  "pairs": pairs, "wall_s": time.perf_counter() - wall0, "cpu_s": time.process_time() - cpu0,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
