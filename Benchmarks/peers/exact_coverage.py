"""Peer for the input-size rows (`tools/bench --limits`): the exact covered
area of a zone layer by a set of reach polygons, computed the way a Python
user would, with shapely 2 (GEOS) and pyproj.

Both layers are GeoJSON in WGS84 lon/lat: the zones (any number of polygons)
and the reaches (`aircover isochrones` output, one polygon per base). Every
shape is projected to a Lambert azimuthal equal-area projection centred on the
zones' extent, the reaches are unioned, and each zone's area and its area
inside the union are summed. Straight edges in lon/lat are projected vertex by
vertex (no densification), as aircover does for its equal-area areas.

Prints one JSON object: zones, vertices, area_km2, covered_km2, seconds (the
reading, projecting and overlay, without Python's start-up).
"""
import argparse
import json
import time

import shapely
from pyproj import Transformer
from shapely.geometry import shape
from shapely.ops import transform

p = argparse.ArgumentParser()
p.add_argument("--zones", required=True)
p.add_argument("--reach", required=True)
a = p.parse_args()

start = time.perf_counter()
with open(a.zones) as f:
    zones = [shape(feature["geometry"]) for feature in json.load(f)["features"]]
with open(a.reach) as f:
    reaches = [shape(feature["geometry"]) for feature in json.load(f)["features"]]
west, south, east, north = shapely.total_bounds(zones)
project = Transformer.from_crs(
    "EPSG:4326", f"+proj=laea +lat_0={(south + north) / 2} +lon_0={(west + east) / 2} +ellps=WGS84 +units=m",
    always_xy=True).transform
zones = [transform(project, z) for z in zones]
served = shapely.union_all([transform(project, r) for r in reaches])
shapely.prepare(served)
area = sum(z.area for z in zones)
covered = sum(z.area if served.contains(z) else z.intersection(served).area for z in zones)
print(json.dumps({"zones": len(zones), "vertices": int(sum(shapely.get_num_coordinates(zones))),
                  "area_km2": area / 1e6, "covered_km2": covered / 1e6, "seconds": time.perf_counter() - start}))
