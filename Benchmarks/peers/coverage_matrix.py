"""Peer for the coverage matrix, as the coverage issue describes it: shapely 2
with a bounding-box filter and `contains_xy` on 360-gon circles. For each
site, the geodesic circle of radius speed × (standard − dispatch) as a
360-gon (Geod.fwd), the cells inside its bounding box (numpy mask), then the
cells inside the polygon (shapely.contains_xy, vectorised). It computes no
response times, and its chords lie inside the true circle, so it misses
pairs in a thin outer band. Same instance files as aircover-bench
(cells.csv, sites.csv). Prints one JSON object."""
import argparse
import csv
import json
import resource
import time

import numpy as np
import shapely
from pyproj import Geod

p = argparse.ArgumentParser()
p.add_argument("--folder", required=True)
p.add_argument("--minutes", type=float, default=60)
p.add_argument("--vertices", type=int, default=360)
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
n = a.vertices
azimuths = np.linspace(0, 360, n, endpoint=False)
wall0, cpu0 = time.perf_counter(), time.process_time()
pairs = 0
for lon, lat in zip(site_lon, site_lat):
    lons, lats, _ = geod.fwd(np.full(n, lon), np.full(n, lat), azimuths, np.full(n, radius))
    disc = shapely.Polygon(np.column_stack([lons, lats]))
    shapely.prepare(disc)
    x0, y0, x1, y1 = disc.bounds
    near = np.nonzero((cell_lon >= x0) & (cell_lon <= x1) & (cell_lat >= y0) & (cell_lat <= y1))[0]
    pairs += int(shapely.contains_xy(disc, cell_lon[near], cell_lat[near]).sum())
print(json.dumps({"peer": "shapely+pyproj", "task": "coverage-matrix", "cells": int(cell_lon.size), "sites": int(site_lon.size),
                  "vertices": n, "pairs": pairs, "wall_s": time.perf_counter() - wall0, "cpu_s": time.process_time() - cpu0,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
