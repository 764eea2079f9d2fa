#!/usr/bin/env python3
"""The planner page in a real browser (headless Chromium through Selenium).

Starts the built `aircover serve` on a small scenario (written here: the
square of Tests/TestSupport/SmallScenario.swift with a grid of candidate
sites) on a free loopback port, then, on the page:

  1. the page draws the study and the existing bases' figures;
  2. at the 15 min standard, the existing bases are removed, a base is added by clicking the map,
     and the covered share shown equals `aircover assess --json`'s for that
     base (the same number, and the same two decimals);
  3. the base is removed: no figures;
  4. an MCLP (p = 3) runs from the solve panel; its bases become the plan,
     equal to `aircover site --json`'s, and the covered share shown is the
     solve's exact coverage;
  4b. the grid estimate is shown; the MCLP plan is kept as A, a base
     removed (B): A and B side by side with B − A, no zone gains;
  4c. B is exported as scenario TOML and bases CSV from the Export menu;
     `aircover assess` on the two saved files gives B's bases and share;
  4d. the coverage layers: the served region and the zone's uncovered part
     are drawn, styled as their legend swatches, and the uncovered area
     shown is assess's zone area minus covered area;
  4e. B is exported as a GeoPackage: its base table lists B's bases;
  4f. the aircraft selector: Bell412 at 40 min by night gives the covered
     share of `aircover assess --aircraft Bell412 --night`;
  4g. the tradeoff curve (p up to 3) drawn from the page has the points of
     `aircover curve --json`; clicking a point makes its bases the plan;
  5. on a larger scenario (720 candidates, 1 km cells), a long MCLP
     (p = 12, about 30 s) is cancelled from the panel: the progress line
     says cancelled within seconds and the plan stays as it was.

A screenshot of each step goes to --screenshots. Prints one line per check
and a closing 'N passed, N failed'; exits 1 when a check fails, 2 when the
test could not run.

    python3 Tests/Browser/planner_page_test.py --aircover .build/debug/aircover
"""
import argparse
import decimal
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ZONE = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"Z1","name":"square"},
"geometry":{"type":"Polygon","coordinates":[[[122.0,41.0],[123.0,41.0],[123.0,41.8],[122.0,41.8],[122.0,41.0]]]}}]}
"""
BASES = "code,name,lon,lat,province\nB1,west,122.3,41.4,LN\nB2,east,122.7,41.4,LN\nB3,far,125.5,45.0,JL\n"
SCENARIO = """[study]
name = "test square"
[demand]
zones = "zone.geojson"
id_field = "code"
cell_km = 4
[bases]
existing = "bases.csv"
candidates = "candidates.csv"
filter = { province = "LN" }
id_field = "code"
[aircraft]
name = "T"
cruise_speed_kmh = 240
dispatch_day_min = 10
dispatch_night_min = 20
endurance_min = 200
reserve_min = 20
on_scene_min = 15
max_altitude_m = 3000
[standards]
minutes = [15, 40]
[output]
context = ["context.geojson"]
"""
# A province around the square: the page's offline basemap (GET /api/basemap).
CONTEXT = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"province"},
"geometry":{"type":"Polygon","coordinates":[[[121.5,40.6],[123.5,40.6],[123.5,42.2],[121.5,42.2],[121.5,40.6]]]}}]}
"""


def write_scenario(folder, columns=5, rows=4, cell_km=4):
    """The scenario files in `folder`, with a `columns` × `rows` grid of
    candidates over the square; returns the scenario's path."""
    lines = ["code,name,lon,lat"]
    n = 0
    for r in range(rows):
        for c in range(columns):
            n += 1
            lines.append("C%03d,candidate %d,%.5f,%.5f" % (n, n, 122.0 + (c + 0.5) / columns, 41.0 + 0.8 * (r + 0.5) / rows))
    scenario = SCENARIO.replace("cell_km = 4", "cell_km = %g" % cell_km)
    for name, text in [("zone.geojson", ZONE), ("bases.csv", BASES), ("candidates.csv", "\n".join(lines) + "\n"),
                       ("context.geojson", CONTEXT), ("scenario.toml", scenario)]:
        with open(os.path.join(folder, name), "w") as f:
            f.write(text)
    return os.path.join(folder, "scenario.toml")


def two_decimals(value):
    """JavaScript's toFixed(2) of a positive double: its exact value, ties up."""
    return str(decimal.Decimal(value).quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP))


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
            print("PASS", what)
        else:
            self.failed += 1
            print("FAIL", what, detail)
        sys.stdout.flush()
        return ok


def aircover_json(aircover, *arguments):
    output = subprocess.run([aircover, *arguments, "--json"], capture_output=True, text=True, timeout=600)
    if output.returncode != 0:
        raise RuntimeError("aircover %s failed: %s" % (" ".join(arguments), output.stderr))
    return json.loads(output.stdout)


def standard(assessment, minutes):
    return next(s for s in assessment["standards"] if s["minutes"] == minutes)


def start_server(aircover, scenario):
    """`aircover serve` on a free loopback port (--port 0); returns the process and its URL."""
    server = subprocess.Popen([aircover, "serve", scenario, "--host", "127.0.0.1", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        server.kill()
        raise RuntimeError("aircover serve did not start: %r %s" % (url, server.stderr.read()))
    return server, url


def browser(downloads=None):
    """Headless Chromium; files the page saves go to `downloads` when given."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"]:
        options.add_argument(argument)
    if downloads:
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if downloads:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def run(arguments, checks):
    os.makedirs(arguments.screenshots, exist_ok=True)

    def shot(driver, name):
        path = os.path.join(arguments.screenshots, name)
        driver.save_screenshot(path)
        print("     screenshot", path)

    folder = tempfile.mkdtemp(prefix="aircover-browser-")
    scenario = write_scenario(folder)
    server, url = start_server(arguments.aircover, scenario)
    driver = None
    try:
        downloads = os.path.join(folder, "downloads")
        os.makedirs(downloads)
        driver = browser(downloads)
        wait = WebDriverWait(driver, 120, poll_frequency=0.1)
        status = lambda: driver.find_element(By.ID, "status").text

        # 1. The page and the existing bases' figures.
        driver.get(url)
        wait.until(lambda d: status().startswith("Exact figures"))
        checks.check(driver.find_element(By.ID, "title").text == "test square", "the page shows the scenario's name")
        zones = driver.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")
        checks.check(len(zones) >= 1, "the zone is drawn on the map", "%d paths" % len(zones))
        listed = [li.get_attribute("data-id") for li in driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")]
        checks.check(listed == ["B1", "B2"], "the plan starts with the existing bases", str(listed))
        wait.until(lambda d: d.find_element(By.ID, "map").get_attribute("data-basemap-features") is not None)
        basemap = driver.find_element(By.ID, "map").get_attribute("data-basemap-features")
        outlines = [p for p in driver.find_elements(By.CSS_SELECTOR, "#map path:not(.leaflet-interactive)")
                    if (p.get_attribute("stroke") or "").lower() == "#7a7a7a"]
        checks.check(basemap == "1" and len(outlines) == 1, "the offline basemap (the context layer) is drawn under the zones",
                     "%s features, %d grey outlines" % (basemap, len(outlines)))
        swatch = driver.find_element(By.ID, "legend-context").value_of_css_property("border-top-color")
        checks.check(swatch.replace(" ", "") in ("rgb(122,122,122)", "rgba(122,122,122,1)"), "the legend's boundary swatch is the outline's grey", swatch)
        tiles = driver.execute_script("return document.querySelectorAll('.leaflet-tile').length")
        checks.check(tiles == 0, "without --tiles the page loads no tile")
        shot(driver, "1-loaded.png")

        # 2. At the 15 min standard (a base covers part of the square),
        # remove the existing bases and add one by clicking the map.
        Select(driver.find_element(By.ID, "standard")).select_by_value("15")
        wait.until(lambda d: status().startswith("Exact figures") and "15 min" in d.find_element(By.ID, "figures").text)
        while driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]"):
            driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")[0].click()
        wait.until(lambda d: status().startswith("No bases"))
        the_map = driver.find_element(By.ID, "map")
        # Left of centre: inside the square, away from the candidate markers.
        ActionChains(driver).move_to_element_with_offset(the_map, -the_map.size["width"] // 7, 37).click().perform()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#bases li[data-lon]"))
        wait.until(lambda d: status().startswith("Exact figures"))
        item = driver.find_element(By.CSS_SELECTOR, "#bases li[data-lon]")
        lon, lat = item.get_attribute("data-lon"), item.get_attribute("data-lat")
        minutes = float(Select(driver.find_element(By.ID, "standard")).first_selected_option.get_attribute("value"))
        shown = driver.find_element(By.ID, "covered-pct")
        command = standard(aircover_json(arguments.aircover, "assess", scenario, "--bases", "%s,%s" % (lon, lat)), minutes)
        expected = command["total"]["covered_pct"]
        checks.check(0 < expected < 100, "the clicked base covers part of the zone", str(expected))
        checks.check(float(shown.get_attribute("data-value")) == expected,
                     "the covered share equals aircover assess --json's for the clicked base at %s,%s" % (lon, lat),
                     "%s against %s" % (shown.get_attribute("data-value"), expected))
        checks.check(shown.text == two_decimals(expected) + " %", "it is shown with two decimals",
                     "%r against %r" % (shown.text, two_decimals(expected) + " %"))
        shot(driver, "2-clicked-base.png")

        # 3. Remove it.
        item.click()
        wait.until(lambda d: status().startswith("No bases"))
        checks.check(not driver.find_elements(By.ID, "covered-pct") and not driver.find_elements(By.CSS_SELECTOR, "#bases li[data-lon]"),
                     "removing the base leaves no bases and no figures")
        shot(driver, "3-removed.png")

        # 4. MCLP from the solve panel.
        Select(driver.find_element(By.ID, "solve-model")).select_by_value("mclp")
        p = driver.find_element(By.ID, "solve-p")
        p.clear()
        p.send_keys("3")
        driver.find_element(By.ID, "solve-start").click()
        wait.until(lambda d: d.find_elements(By.ID, "solve-status"))
        wait.until(lambda d: status().startswith("Exact figures"))
        progress = driver.find_element(By.ID, "solve-progress").text
        checks.check("done" in progress, "the progress line says the solve is done", progress)
        site = aircover_json(arguments.aircover, "site", scenario, "--model", "mclp", "-p", "3", "--minutes", "%g" % minutes)
        planned = [li.get_attribute("data-id") for li in driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")]
        checks.check(planned == site["sites"], "the solve's bases become the plan, as aircover site --json chooses them",
                     "%s against %s" % (planned, site["sites"]))
        solve_status = driver.find_element(By.ID, "solve-status")
        checks.check(solve_status.get_attribute("data-status") == site["status"] and site["status"] in solve_status.text,
                     "the solve's status is shown (%s)" % site["status"], solve_status.text)
        result_text = driver.find_element(By.ID, "solve-result").text
        checks.check("bound" in result_text and "gap" in result_text, "its bound and gap are shown", result_text)
        shown = driver.find_element(By.ID, "covered-pct")
        checks.check(shown.text == two_decimals(site["exact_covered_pct"]) + " %",
                     "the covered share shown is the plan's exact coverage", "%r against %r" % (shown.text, site["exact_covered_pct"]))
        shot(driver, "4-mclp.png")

        # 4b. The grid estimate shows, and Compare A/B: keep the MCLP plan as A,
        # remove a base (B): both columns, the difference, zones that lose.
        estimate = driver.find_element(By.ID, "estimate-pct")
        checks.check(0 < float(estimate.get_attribute("data-value")) <= 100 and "Grid estimate" in driver.find_element(By.ID, "estimate").text,
                     "the grid estimate is shown beside the exact figures", driver.find_element(By.ID, "estimate").text)
        a_pct = float(driver.find_element(By.ID, "covered-pct").get_attribute("data-value"))
        driver.find_element(By.ID, "keep-a").click()
        removed = driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")[0].get_attribute("data-id")
        driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")[0].click()
        wait.until(lambda d: status().startswith("Exact figures") and d.find_elements(By.ID, "compare-table"))
        b_pct = float(driver.find_element(By.ID, "covered-pct").get_attribute("data-value"))
        planned_b = [li.get_attribute("data-id") for li in driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")]
        first = [td.text for td in driver.find_elements(By.CSS_SELECTOR, "#compare-table tr:nth-child(2) td")]
        want = ["area covered", two_decimals(a_pct) + " %", two_decimals(b_pct) + " %"]
        checks.check(first[:3] == want, "Compare shows A and B side by side after removing %s" % removed, "%s against %s" % (first, want))
        delta = b_pct - a_pct
        checks.check(len(first) == 4 and abs(float(first[3].replace(" %", "")) - delta) < 0.006 and delta <= 0,
                     "and the difference B − A, never a gain for fewer bases", "%s against %.4f" % (first, delta))
        zones_line = driver.find_element(By.ID, "compare-zones")
        checks.check(zones_line.get_attribute("data-gains") == "0" and (abs(delta) < 0.005 or int(zones_line.get_attribute("data-losses")) >= 1),
                     "no zone gains, and some zone loses when the total does", zones_line.text)
        shot(driver, "4b-compare.png")

        # 4c. Export the plan (B) as scenario TOML and bases CSV: aircover
        # assess on the two saved files gives the covered share shown.
        for format in ["toml", "csv"]:
            driver.find_element(By.CSS_SELECTOR, "#export button[data-format=%s]" % format).click()
            wait.until(lambda d: d.find_element(By.ID, "export-status").text.startswith("Saved"))
        saved = lambda: sorted(os.listdir(downloads))
        WebDriverWait(driver, 30, poll_frequency=0.1).until(lambda d: saved() == ["plan-bases.csv", "plan.toml"])
        exported = standard(aircover_json(arguments.aircover, "assess", os.path.join(downloads, "plan.toml"), "--minutes", "%g" % minutes), minutes)
        checks.check(exported["total"]["covered_pct"] == b_pct and exported["bases"] == planned_b,
                     "the exported TOML and CSV, assessed by aircover, give the plan's bases and covered share",
                     "%s %s against %s %s" % (exported["bases"], exported["total"]["covered_pct"], planned_b, b_pct))
        # 4d. The coverage layers of B, drawn as the legend shows them.
        layers_done = lambda d: d.execute_script(
            "const n = document.getElementById('layers-note'); return n.dataset.body === JSON.stringify(planBody());")
        wait.until(layers_done)
        note = driver.find_element(By.ID, "layers-note")
        checks.check(note.get_attribute("data-served") == "1" and int(note.get_attribute("data-uncovered")) >= 1,
                     "the served region and the uncovered part of the zone are drawn", note.text)
        expected_gap = exported["total"]["area_km2"] - exported["total"]["covered_km2"]
        checks.check(float(note.get_attribute("data-uncovered-km2")) == expected_gap,
                     "the uncovered area shown is assess's zone area minus covered area",
                     "%s against %s" % (note.get_attribute("data-uncovered-km2"), expected_gap))
        drawn = driver.execute_script("""
            const paths = [...document.querySelectorAll('#map path')];
            const find = test => paths.find(test);
            const style = (p, sel) => { const c = getComputedStyle(document.querySelector(sel));
              return p ? {stroke: p.getAttribute('stroke'), fill: p.getAttribute('fill'), opacity: p.getAttribute('fill-opacity'),
                          dash: p.getAttribute('stroke-dasharray'), border: c.borderTopColor, borderStyle: c.borderTopStyle,
                          background: c.backgroundColor} : null; };
            return {served: style(find(p => p.getAttribute('stroke-dasharray')), '#legend-served'),
                    uncovered: style(find(p => p.getAttribute('fill') === layerStyles.uncovered.fillColor), '#legend-uncovered')};""")

        def rgb(hex_colour, opacity=None):
            r, g, b = int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)
            return "rgb(%d, %d, %d)" % (r, g, b) if opacity is None else "rgba(%d, %d, %d, %s)" % (r, g, b, opacity)
        for name, dashed in [("served", True), ("uncovered", False)]:
            d = drawn.get(name)
            ok = d is not None and d["border"] == rgb(d["stroke"]) and d["background"] == rgb(d["fill"], d["opacity"]) \
                and (d["borderStyle"] == "dashed") == dashed and bool(d["dash"]) == dashed
            checks.check(ok, "the %s layer's legend swatch has its stroke, fill and opacity" % name, str(d))
        shot(driver, "4d-layers.png")

        # 4e. B as a GeoPackage: its base table lists B's bases.
        driver.find_element(By.CSS_SELECTOR, "#export button[data-format=gpkg]").click()
        WebDriverWait(driver, 60, poll_frequency=0.1).until(lambda d: "plan.gpkg" in saved())
        time.sleep(0.5)
        with sqlite3.connect(os.path.join(downloads, "plan.gpkg")) as db:
            gpkg_bases = [row[0] for row in db.execute("SELECT id FROM base ORDER BY fid")]
        checks.check(gpkg_bases == planned_b, "the GeoPackage export lists the plan's bases", "%s against %s" % (gpkg_bases, planned_b))

        # 4f. Another aircraft: Bell412 at 40 min by night (10 min of flight).
        Select(driver.find_element(By.ID, "standard")).select_by_value("40")
        Select(driver.find_element(By.ID, "aircraft")).select_by_value("Bell412")
        driver.find_element(By.ID, "night").click()
        flown = lambda d: d.execute_script("return current !== null && current.body.aircraft === 'Bell412' && current.body.minutes === 40"
                                           + " && current.body.night;")
        wait.until(flown)
        ids = [li.get_attribute("data-id") for li in driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")]
        command = standard(aircover_json(arguments.aircover, "assess", scenario, "--bases", ",".join(ids), "--aircraft", "Bell412",
                                         "--night", "--minutes", "40"), 40)
        shown = driver.find_element(By.ID, "covered-pct")
        checks.check(float(shown.get_attribute("data-value")) == command["total"]["covered_pct"],
                     "with Bell412 chosen, the covered share is aircover assess --aircraft Bell412 --night's",
                     "%s against %s" % (shown.get_attribute("data-value"), command["total"]["covered_pct"]))
        checks.check("Bell412" in driver.find_element(By.ID, "aircraft-note").text or "226 km/h" in driver.find_element(By.ID, "aircraft-note").text,
                     "the chosen aircraft's figures are shown", driver.find_element(By.ID, "aircraft-note").text)
        wait.until(layers_done)
        shot(driver, "4f-aircraft.png")

        # 4g. The tradeoff curve for Bell412 at 40 min by night, p up to 3.
        curve_p = driver.find_element(By.ID, "curve-p")
        curve_p.clear()
        curve_p.send_keys("3")
        driver.find_element(By.ID, "curve-start").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#curve-svg circle"))
        circles = driver.find_elements(By.CSS_SELECTOR, "#curve-svg circle")
        curve = aircover_json(arguments.aircover, "curve", scenario, "--minutes", "40", "--max-p", "3", "--aircraft", "Bell412", "--night")
        got = [(int(c.get_attribute("data-p")), float(c.get_attribute("data-value"))) for c in circles]
        want = [(point["p"], point["exact_covered_pct"]) for point in curve]
        checks.check(got == want, "the curve drawn has the points of aircover curve --json", "%s against %s" % (got, want))
        shot(driver, "4g-curve.png")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", circles[1])
        ActionChains(driver).move_to_element(circles[1]).click().perform()
        planned = lambda d: [li.get_attribute("data-id") for li in d.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")]
        WebDriverWait(driver, 30, poll_frequency=0.1).until(lambda d: planned(d) == curve[1]["sites"])
        wait.until(lambda d: d.execute_script("return current !== null && JSON.stringify(current.body.bases) === arguments[0];",
                                              json.dumps(curve[1]["sites"], separators=(",", ":"))))
        shown = driver.find_element(By.ID, "covered-pct")
        checks.check(float(shown.get_attribute("data-value")) == curve[1]["exact_covered_pct"],
                     "clicking the p = 2 point plans its bases, with the curve's exact share",
                     "%s against %s" % (shown.get_attribute("data-value"), curve[1]["exact_covered_pct"]))
        errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
        checks.check(not errors, "the browser logged no errors", str(errors))
    finally:
        if driver is not None:
            driver.quit()
        stop(server)
        shutil.rmtree(folder, ignore_errors=True)

    # 5. Cancel a long solve from the panel.
    big = tempfile.mkdtemp(prefix="aircover-browser-big-")
    server, url = start_server(arguments.aircover, write_scenario(big, columns=30, rows=24, cell_km=1))
    driver = None
    try:
        driver = browser()
        wait = WebDriverWait(driver, 120, poll_frequency=0.1)
        status = lambda: driver.find_element(By.ID, "status").text
        progress = lambda: driver.find_element(By.ID, "solve-progress").text
        driver.get(url)
        wait.until(lambda d: status().startswith("Exact figures"))
        Select(driver.find_element(By.ID, "standard")).select_by_value("15")
        wait.until(lambda d: status().startswith("Exact figures") and "15 min" in d.find_element(By.ID, "figures").text)
        before = [li.get_attribute("data-id") for li in driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")]
        p = driver.find_element(By.ID, "solve-p")
        p.clear()
        p.send_keys("12")
        driver.find_element(By.ID, "solve-start").click()
        wait.until(lambda d: "running, solving" in progress())
        time.sleep(1)
        checks.check("running" in progress() and driver.find_element(By.ID, "solve-cancel").is_enabled(),
                     "a long solve shows its stage and offers Cancel", progress())
        shot(driver, "5-solving.png")
        driver.find_element(By.ID, "solve-cancel").click()
        clicked = time.time()
        WebDriverWait(driver, 60, poll_frequency=0.1).until(lambda d: "running" not in progress())
        seconds = time.time() - clicked
        checks.check("cancelled" in progress() and seconds < 5, "Cancel stops it within seconds",
                     "%r after %.1f s" % (progress(), seconds))
        after = [li.get_attribute("data-id") for li in driver.find_elements(By.CSS_SELECTOR, "#bases li[data-id]")]
        checks.check(after == before and driver.find_element(By.ID, "solve-start").is_enabled(),
                     "the plan stays as it was and Solve is offered again", "%s against %s" % (after, before))
        shot(driver, "6-cancelled.png")
    finally:
        if driver is not None:
            driver.quit()
        stop(server)
        shutil.rmtree(big, ignore_errors=True)


def stop(server):
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aircover", default=".build/debug/aircover", help="the built aircover program")
    parser.add_argument("--screenshots", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "screenshots"),
                        help="where the screenshots go")
    arguments = parser.parse_args()
    checks = Checks()
    try:
        run(arguments, checks)
    except Exception as error:  # a step that could not be taken counts as a failure
        checks.check(False, "the test ran to its end", "%s: %s" % (type(error).__name__, error))
    print("%d passed, %d failed" % (checks.passed, checks.failed))
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
