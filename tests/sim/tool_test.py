#!/usr/bin/env python3
"""herokupp-sim as a program: first line, a few requests over HTTP, clean exit on SIGTERM and SIGINT."""
import json
import signal
import subprocess
import sys
import urllib.error
import urllib.request

ACCEPT = "application/vnd.heroku+json; version=3"


def request(base, key, path, method="GET", body=None):
    req = urllib.request.Request(base + path, method=method, data=body)
    req.add_header("Accept", ACCEPT)
    req.add_header("Authorization", "Bearer " + key)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            return res.status, dict(res.headers), json.loads(res.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), json.loads(err.read() or b"null")


def reason(base, key, path):
    """The reason phrase of the status line."""
    req = urllib.request.Request(base + path)
    req.add_header("Accept", ACCEPT)
    req.add_header("Authorization", "Bearer " + key)
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            return res.reason
    except urllib.error.HTTPError as err:
        return err.reason


def run(binary, seed, sig):
    proc = subprocess.Popen([binary, "--port", "0", "--seed", seed, "--build-seconds", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline().split()
        env = dict(part.split("=", 1) for part in first)
        base, key = env["HEROKU_API_URL"], env["HEROKU_API_KEY"]
        assert base.startswith("http://127.0.0.1:"), base
        status, headers, account = request(base, key, "/account")
        assert status == 200 and account["email"] == "ops@example.com", (status, account)
        assert "RateLimit-Remaining" in headers
        status, _, apps = request(base, key, "/apps")
        assert status == 200 and {a["name"] for a in apps} >= {"shop-staging", "shop-production"}
        status, _, body = request(base, "wrong-key", "/account")
        assert status == 401 and body["id"] == "unauthorized"
        status, _, body = request(base, key, "/apps/legacy-billing")
        assert status == 403 and body["id"] == "forbidden"
        assert reason(base, key, "/account") == "OK"
        assert reason(base, key, "/apps/legacy-billing") == "Forbidden"
        assert reason(base, key, "/apps/no-such-app") == "Not Found"
        status, _, body = request(base, key, "/apps/shop-staging", "PATCH", b'{"maintenance": "yes"}')
        assert status == 422 and "maintenance" in body["message"], body
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=10)
        assert proc.returncode == 0, (proc.returncode, err)
        assert key not in err, "the API key must not be printed to the log"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def start(binary, seed, *options):
    proc = subprocess.Popen([binary, "--port", "0", "--seed", seed, *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline().split()
    env = dict(part.split("=", 1) for part in first)
    return proc, env["HEROKU_API_URL"], env["HEROKU_API_KEY"]


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=10)


def dyno_states(base, key, app):
    status, _, dynos = request(base, key, "/apps/%s/dynos" % app)
    assert status == 200, status
    return {d["name"]: d["state"] for d in dynos if d["type"] != "run"}


def deploy(base, key, app):
    body = json.dumps({"source_blob": {"url": "https://example.com/src.tgz", "version": "abc1234"}})
    status, _, build = request(base, key, "/apps/%s/builds" % app, "POST", body.encode())
    assert status == 201, (status, build)
    status, _, build = request(base, key, "/apps/%s/builds/%s" % (app, build["id"]))
    assert build["status"] == "succeeded", build
    return build


def breaking_apps(binary, seed):
    """--crash-next-release and --fail-next-release, and an unknown app refused."""
    instant = ["--build-seconds", "0", "--dyno-boot-seconds", "0"]
    proc, base, key = start(binary, seed, *instant,
                            "--crash-next-release", "shop-production=NoMethodError: undefined")
    try:
        before = dyno_states(base, key, "shop-production")
        assert before and set(before.values()) == {"up"}, before
        build = deploy(base, key, "shop-production")
        status, _, release = request(base, key, "/apps/shop-production/releases/%s" % build["release"]["id"])
        assert release["status"] == "succeeded", release
        crashed = dyno_states(base, key, "shop-production")
        assert set(crashed.values()) == {"crashed"}, crashed
        status, _, rolled = request(base, key, "/apps/shop-production/releases", "POST",
                                    json.dumps({"release": str(release["version"] - 1)}).encode())
        assert status == 201, (status, rolled)
        after = dyno_states(base, key, "shop-production")
        assert set(after.values()) == {"up"}, after
    finally:
        stop(proc)

    proc, base, key = start(binary, seed, *instant, "--fail-next-release", "shop-staging=exit 1")
    try:
        build = deploy(base, key, "shop-staging")
        status, _, release = request(base, key, "/apps/shop-staging/releases/%s" % build["release"]["id"])
        assert release["status"] == "failed", release
    finally:
        stop(proc)

    refused = subprocess.run([binary, "--port", "0", "--seed", seed, "--crash-next-release", "nope"],
                             capture_output=True, text=True, timeout=10)
    assert refused.returncode == 2 and "no app called nope" in refused.stderr, refused


def main():
    binary, seed = sys.argv[1], sys.argv[2]
    run(binary, seed, signal.SIGTERM)
    run(binary, seed, signal.SIGINT)
    breaking_apps(binary, seed)
    print("2 passed, 0 failed")


if __name__ == "__main__":
    main()
