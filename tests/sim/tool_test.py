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


def main():
    binary, seed = sys.argv[1], sys.argv[2]
    run(binary, seed, signal.SIGTERM)
    run(binary, seed, signal.SIGINT)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
