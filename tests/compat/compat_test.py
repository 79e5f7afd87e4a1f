#!/usr/bin/env python3
"""Runs the official Heroku CLI against herokupp-sim.

    compat_test.py HEROKUPP_SIM FLEET_SEED

Each command must exit 0; where it is cheap, a later command reads its effect
back (config:set, then config:get). The CLI comes from HEROKUPP_HEROKU_CLI (a
run.js or an executable) or from the cache folder scripts/bootstrap installs
it into; without it, or without node, the suite is skipped (exit 77).

The CLI never reaches the network: HOME is a temporary folder, update checks,
autoupdate and telemetry are off, its other service (Particleboard) is the
simulator, and any other request meets a proxy that refuses it.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

SKIP = 77


def find_cli():
    explicit = os.environ.get("HEROKUPP_HEROKU_CLI")
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    candidates = [explicit] if explicit else []
    candidates.append(os.path.join(cache, "herokupp", "heroku-cli", "node_modules", "heroku",
                                   "bin", "run.js"))
    for c in candidates:
        if c and os.path.isfile(c):
            if c.endswith(".js"):
                node = shutil.which("node")
                if node is None:
                    return None, "node is not installed (scripts/bootstrap installs it)"
                return [node, c], None
            return [c], None
    return None, ("the official Heroku CLI is not installed (looked for %s); run scripts/bootstrap "
                  "where npm can reach its registry" % " and ".join(c for c in candidates if c))


def compat_seed(fleet_path, out_path):
    """The fleet fixture plus a team with an app, for the teams commands."""
    with open(fleet_path) as f:
        seed = json.load(f)
    seed["teams"] = [{"name": "acme", "features": ["org-access-controls"], "members": [
        {"email": "ops@example.com", "role": "admin"},
        {"email": "dev@example.com", "role": "member"}]}]
    seed["apps"].append({"name": "acme-api", "owner": "ops@example.com", "team": "acme",
                         "releases": [{"config": {"RACK_ENV": "production"}}]})
    with open(out_path, "w") as f:
        json.dump(seed, f)


class Lane:
    """Commands that share state run in order in one lane; lanes run side by side.

    A command that reads an app another lane changes belongs in that lane:
    side by side, the order between lanes is anyone's."""

    def __init__(self, name, steps):
        self.name = name
        self.steps = steps
        self.failures = []
        self.ran = []


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    sim_bin, fleet = sys.argv[1], sys.argv[2]
    cli, why = find_cli()
    if cli is None:
        print("SKIP: " + why)
        return SKIP

    work = tempfile.mkdtemp(prefix="herokupp-compat-")
    sim = None
    try:
        seed = os.path.join(work, "seed.json")
        compat_seed(fleet, seed)
        sim = subprocess.Popen([sim_bin, "--port", "0", "--seed", seed, "--build-seconds", "1",
                                "--promotion-seconds", "1", "--dyno-boot-seconds", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        first = sim.stdout.readline().split()
        values = dict(part.split("=", 1) for part in first)
        url, key = values["HEROKU_API_URL"], values["HEROKU_API_KEY"]

        home = os.path.join(work, "home")
        cache = os.path.join(home, ".cache")
        os.makedirs(os.path.join(cache, "heroku"))
        # The terms-of-service banner is shown once per cache folder.
        open(os.path.join(cache, "heroku", "terms-of-service"), "w").close()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "XDG_CACHE_HOME": cache,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
            "HEROKU_HOST": url,
            "HEROKU_PARTICLEBOARD_URL": url,
            "HEROKU_API_KEY": key,
            "HEROKU_SKIP_NEW_VERSION_CHECK": "true",
            "HEROKU_DISABLE_AUTOUPDATE": "true",
            "HEROKU_SKIP_ANALYTICS": "1",
            "DISABLE_TELEMETRY": "true",
            "NO_COLOR": "1",
            "COLUMNS": "200",
            "HTTP_PROXY": "http://127.0.0.1:9",
            "HTTPS_PROXY": "http://127.0.0.1:9",
            "NO_PROXY": "127.0.0.1,localhost",
        }

        def heroku(args):
            done = subprocess.run(cli + args, env=env, cwd=work, capture_output=True, text=True,
                                  timeout=120, stdin=subprocess.DEVNULL)
            return done.returncode, done.stdout + done.stderr

        lanes = build_lanes()
        print_lock = threading.Lock()
        started = time.monotonic()

        def run(lane):
            state = {}
            for args, check in lane.steps:
                try:
                    argv = [a.format(**state) for a in args]
                except KeyError as e:
                    lane.failures.append("heroku %s: needs %s, which an earlier step did not find"
                                         % (" ".join(args), e))
                    return
                t0 = time.monotonic()
                code, out = heroku(argv)
                seconds = time.monotonic() - t0
                lane.ran.append((" ".join(argv), code, seconds))
                with print_lock:
                    print("%-7s %5.1fs  exit %d  heroku %s" % (lane.name, seconds, code,
                                                              " ".join(argv)), flush=True)
                problem = None
                if code != 0:
                    problem = "exited %d" % code
                elif check is not None:
                    problem = check(out, state)
                if problem:
                    lane.failures.append("heroku %s: %s\n%s" % (" ".join(argv), problem,
                                                                  indent(out)))

        threads = [threading.Thread(target=run, args=(lane,)) for lane in lanes]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started

        total = sum(len(lane.ran) for lane in lanes)
        failures = [f for lane in lanes for f in lane.failures]
        print("%d official CLI commands in %.0fs, %d failed" % (total, elapsed, len(failures)))
        for f in failures:
            print("FAIL " + f)
        return 1 if failures else 0
    finally:
        if sim is not None:
            sim.terminate()
            try:
                sim.wait(timeout=10)
            except subprocess.TimeoutExpired:
                sim.kill()
        shutil.rmtree(work, ignore_errors=True)


def indent(text):
    return "\n".join("    " + line for line in text.strip().splitlines()[-15:])


# --- checks: each returns None when the output is right, else what is wrong ---

def has(*needles):
    def check(out, state):
        missing = [n.format(**state) for n in needles if n.format(**state) not in out]
        return "output lacks %s" % ", ".join(repr(m) for m in missing) if missing else None
    return check


def lacks(needle):
    def check(out, state):
        return "output still shows %r" % needle if needle.format(**state) in out else None
    return check


def line_is(expected):
    def check(out, state):
        lines = [l.strip() for l in out.strip().splitlines() if l.strip()]
        return None if expected in lines else "expected a line %r" % expected
    return check


def remember_json(key, pick):
    """Parses --json output and keeps pick(value) as state[key] for later commands."""
    def check(out, state):
        try:
            value = pick(json.loads(out[out.index("["):] if "[" in out else out))
        except (ValueError, KeyError, IndexError, TypeError) as e:
            return "cannot read the JSON output: %s" % e
        if not value:
            return "nothing to remember for %s" % key
        state[key] = value
        return None
    return check


UUID = r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"


def remember_match(key, pattern):
    """Keeps the first group of `pattern` in the output as state[key]."""
    def check(out, state):
        m = re.search(pattern, out)
        if m is None:
            return "output does not match %r" % pattern
        state[key] = m.group(1)
        return None
    return check


def build_lanes():
    staging = ["-a", "shop-staging"]
    production = ["-a", "shop-production"]
    worker = ["-a", "shop-worker"]
    team_app = ["-a", "acme-api"]
    apps_lane = Lane("apps", [
        (["apps"], has("shop-staging", "shop-production")),
        (["apps:info"] + staging, has("shop-staging", "Owner", "ops@example.com")),
        (["config:set", "COMPAT_FLAG=on"] + staging, None),
        (["config:get", "COMPAT_FLAG"] + staging, line_is("on")),
        (["config:unset", "COMPAT_FLAG"] + staging, None),
        (["releases"] + staging, has("Remove COMPAT_FLAG config vars")),
        (["ps:scale", "web=2"] + staging, has("web at 2")),
        (["ps"] + staging, has("web.2")),
        (["maintenance:on"] + staging, None),
        (["maintenance"] + staging, line_is("on")),
        (["maintenance:off"] + staging, None),
        # Promotion reads staging's current release, so it runs in the lane
        # that changes staging, before the rollback: v2 is a config release
        # without a slug, which leaves nothing to promote (as on Heroku).
        (["pipelines:info", "shop"], has("shop-staging", "shop-production")),
        (["pipelines:promote", "-a", "shop-staging"], has("shop-production")),
        (["rollback", "v2"] + staging, has("done")),
        (["run:detached", "rake", "db:migrate"] + staging, has("run.")),
        (["logs", "-n", "300"] + staging, has("rake db:migrate", "Rollback to v2")),
        (["ps:restart", "web"] + staging, None),
        (["apps:create", "compat-made"], has("compat-made")),
        (["apps:transfer", "acme", "-a", "compat-made"], None),
        (["apps:info", "-a", "compat-made"], has("Owner:", "acme@herokumanager.com")),
        (["apps:destroy", "-a", "compat-made", "--confirm", "compat-made"], None),
    ])
    addons_lane = Lane("addons", [
        (["addons:services"], has("heroku-postgresql", "heroku-redis")),
        (["addons:create", "heroku-postgresql:essential-0", "--as", "COMPAT_DB"] + production,
         has("COMPAT_DB_URL")),
        (["addons", "--json"] + production,
         remember_json("db", lambda v: [a["name"] for a in v
                                        if a["addon_service"]["name"] == "heroku-postgresql"][0])),
        (["config:get", "COMPAT_DB_URL"] + production, has("postgres://")),
        (["addons:upgrade", "{db}", "heroku-postgresql:essential-1"] + production, None),
        (["addons:info", "{db}"], has("heroku-postgresql:essential-1", "shop-production")),
        (["addons:attach", "{db}", "--as", "SHARED_DB"] + worker, None),
        (["addons:detach", "SHARED_DB"] + worker, None),
        (["addons:destroy", "{db}", "--confirm", "shop-production"] + production, None),
        (["domains:add", "www.compat.example"] + production, has("herokudns.com")),
        (["domains"] + production, has("www.compat.example", "herokuapp.com")),
        (["domains:remove", "www.compat.example"] + production, None),
        (["drains:add", "syslog+tls://logs.compat.example:6514"] + production, None),
        (["drains"] + production, has("syslog+tls://logs.compat.example:6514")),
        (["drains:remove", "syslog+tls://logs.compat.example:6514"] + production, None),
        (["ps:resize", "web=standard-2x"] + production, None),
        (["ps:type"] + production, has("Standard-2X")),
    ])
    access_lane = Lane("access", [
        (["auth:whoami"], line_is("ops@example.com")),
        (["features:enable", "preboot"] + worker, None),
        (["features:info", "preboot"] + worker, has("Enabled:", "true")),
        (["labs:enable", "dashboard-metrics-beta"], None),
        (["labs:info", "dashboard-metrics-beta"], has("true")),
        (["access:add", "outsider@example.com"] + worker, None),
        (["access"] + worker, has("outsider@example.com")),
        (["access:remove", "outsider@example.com"] + worker, None),
        # A team app with org-access-controls: per-app permissions.
        (["access:add", "outsider@example.com", "--permissions", "deploy"] + team_app, None),
        (["access"] + team_app, has("outsider@example.com", "deploy, view")),
        (["access:update", "outsider@example.com", "--permissions", "deploy,operate"] + team_app,
         None),
        (["access"] + team_app, has("deploy, operate, view")),
        (["access:remove", "outsider@example.com"] + team_app, None),
        (["apps:lock"] + team_app, None),
        (["apps:unlock"] + team_app, None),
    ])
    teams_lane = Lane("teams", [
        (["webhooks:add", "-i", "api:release", "-l", "notify", "-u",
          "https://hooks.compat.example/h"] + worker, has("Webhooks Signing Secret")),
        (["webhooks"] + worker, remember_match("hook", UUID + r"\s+https://hooks\.compat\.example/h")),
        (["webhooks:info", "{hook}"] + worker, has("api:release", "notify")),
        (["webhooks:update", "{hook}", "-i", "api:build,api:release", "-l", "sync", "-u",
          "https://hooks.compat.example/h2"] + worker, None),
        (["webhooks:info", "{hook}"] + worker,
         has("api:build,api:release", "sync", "https://hooks.compat.example/h2")),
        (["config:set", "HOOKED=1"] + worker, None),
        (["webhooks:events"] + worker, has("release", "create")),
        (["webhooks:deliveries"] + worker, has("pending", "api:release")),
        (["webhooks:remove", "{hook}"] + worker, None),
        (["teams"], has("acme")),
        (["members", "-t", "acme"], has("ops@example.com", "dev@example.com")),
        (["apps", "-t", "acme"], has("acme-api")),
        (["regions"], has("us", "eu")),
        (["buildpacks:set", "https://github.com/heroku/heroku-buildpack-ruby"] + worker, None),
        (["buildpacks:add", "https://github.com/heroku/heroku-buildpack-nodejs"] + worker, None),
        (["buildpacks"] + worker, has("1. https://github.com/heroku/heroku-buildpack-ruby",
                                      "2. https://github.com/heroku/heroku-buildpack-nodejs")),
        (["buildpacks:clear"] + worker, None),
    ])
    return [apps_lane, addons_lane, access_lane, teams_lane]


if __name__ == "__main__":
    sys.exit(main())
