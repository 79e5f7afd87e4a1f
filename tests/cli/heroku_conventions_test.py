#!/usr/bin/env python3
"""The herokupp program against herokupp-sim, as a Heroku user would use it.

Usage: heroku_conventions_test.py TOOL SIM SEED CASE  (CASE: one of CASES, or all)
"""
import json
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request

TOOL, SIM, SEED = sys.argv[1], sys.argv[2], sys.argv[3]
SECRETS = ["staging-secret", "production-secret"]

POLICY = {
    "actors": {
        "dana": ["heroku-shop-staging", "heroku-shop-staging:configure", "heroku-shop-production",
                 "heroku-shop-worker"],
        "rita": ["heroku-shop-staging", "heroku-shop-staging:reveal"],
        "olive": ["admin"],
    },
    "protected_apps": ["shop-production"],
    # Whole commands only: the one `run` tests use, beside the migrate command.
    "commands": ["rake db:migrate", "rake cache:clear"],
}

ENVIRONMENTS = """environments:
  - label: staging
    app_name: shop-staging
    pipeline: shop
commands:
  migrate: rake db:migrate
path_rules:
  - contains: /migrations/
    actions: [migrate]
"""


class Sim:
    def __init__(self, *options):
        self.proc = subprocess.Popen(
            [SIM, "--port", "0", "--seed", SEED, "--promotion-seconds", "0",
             "--dyno-boot-seconds", "0", *options],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = self.proc.stdout.readline().split()
        env = dict(part.split("=", 1) for part in first)
        self.url, self.key = env["HEROKU_API_URL"], env["HEROKU_API_KEY"]

    def account(self):
        """The API key's account (its email), as the tool learns it."""
        req = urllib.request.Request(self.url + "/account", headers={
            "Authorization": "Bearer " + self.key,
            "Accept": "application/vnd.heroku+json; version=3"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)["email"]

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.communicate(timeout=10)


class World:
    """A sim, a work folder with a policy, and the tool run as a process."""

    def __init__(self, *sim_options):
        self.sim = Sim(*(sim_options or ("--build-seconds", "0", "--one-off-seconds", "0")))
        self.dir = tempfile.mkdtemp(prefix="herokupp-conventions-")
        self.home = os.path.join(self.dir, "home")
        os.makedirs(self.home)
        # The key's account names the actors: the policy lets it act for others.
        policy = dict(POLICY, act_for_others=[self.sim.account()])
        with open(self.path("policy.json"), "w") as f:
            json.dump(policy, f)
        with open(self.path("environments.yml"), "w") as f:
            f.write(ENVIRONMENTS)
        self.outputs = []

    def path(self, name):
        return os.path.join(self.dir, name)

    def env(self, **extra):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.home,
               "HEROKU_API_KEY": self.sim.key, "HEROKU_API_URL": self.sim.url}
        for k, v in extra.items():
            if v is None:
                env.pop(k, None)
            else:
                env[k] = v
        return env

    def base(self, actor="dana", policy=True):
        args = ["--audit", self.path("audit.jsonl"), "--state-dir", self.path("state"),
                "--environments", self.path("environments.yml")]
        if policy:
            args += ["--actor", actor, "--policy", self.path("policy.json")]
        else:
            # Without a policy the actor is the key's own account, and
            # changes need --single-user.
            args += ["--single-user"]
        return args

    def run(self, *args, actor="dana", policy=True, cwd=None, env=None, raw=False):
        argv = [TOOL, *args] if raw else [TOOL, *self.base(actor, policy), *args]
        p = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                           env=env or self.env(), cwd=cwd or self.dir)
        self.outputs.append(p.stdout + p.stderr)
        return p

    def audit(self):
        try:
            with open(self.path("audit.jsonl")) as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def close(self):
        self.sim.stop()
        for text in self.outputs + [self.audit()]:
            for secret in SECRETS + [self.sim.key]:
                assert secret not in text, "a secret was printed or audited"
        shutil.rmtree(self.dir, ignore_errors=True)


def expect(p, code, what):
    assert p.returncode == code, "%s: exit %d, expected %d\n%s%s" % (
        what, p.returncode, code, p.stdout, p.stderr)
    return p


def as_json(p):
    try:
        return json.loads(p.stdout)
    except ValueError:
        raise AssertionError("not JSON: %r %r" % (p.stdout, p.stderr))


# --- 1. credentials ------------------------------------------------------------

def credentials(w):
    port_host = w.sim.url.split("://", 1)[1].rstrip("/")
    with open(os.path.join(w.home, ".netrc"), "w") as f:
        f.write("# heroku login\nmachine %s\n  login ops@example.com\n  password %s\n"
                "machine git.heroku.com\n  login ops@example.com\n  password wrong\n"
                % (port_host, w.sim.key))
    os.chmod(os.path.join(w.home, ".netrc"), 0o600)
    # The key from ~/.netrc, the endpoint from HEROKU_HOST (a URL: as is).
    netrc_env = w.env(HEROKU_API_KEY=None, HEROKU_API_URL=None, HEROKU_HOST=w.sim.url)
    p = expect(w.run("--json", "apps", env=netrc_env), 0, "apps with the key from ~/.netrc")
    assert any(a["name"] == "shop-staging" for a in as_json(p)["apps"])
    # HEROKU_API_KEY comes first.
    expect(w.run("apps", env=w.env(HEROKU_API_KEY="wrong-key", HEROKU_API_URL=None,
                                    HEROKU_HOST=w.sim.url)), 1, "HEROKU_API_KEY before netrc")
    # No key anywhere: exit 2, and the message says how to get one.
    os.remove(os.path.join(w.home, ".netrc"))
    p = expect(w.run("apps", env=w.env(HEROKU_API_KEY=None)), 2, "no credentials")
    assert "heroku auth:token" in p.stderr and "heroku login" in p.stderr, p.stderr


# --- 2. app selection ----------------------------------------------------------

def git(repo, *args):
    subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True)


def app_selection(w):
    repo = w.path("repo")
    os.makedirs(repo)
    git(repo, "init", "-q")
    git(repo, "remote", "add", "staging", "https://git.heroku.com/shop-staging.git")
    git(repo, "remote", "add", "heroku", "git@heroku.com:shop-worker.git")
    git(repo, "remote", "add", "origin", "https://github.com/example/shop.git")
    forms = {
        "positional": lambda cmd, *rest: (cmd, "shop-staging", *rest),
        "-a": lambda cmd, *rest: (cmd, "-a", "shop-staging", *rest),
        "--app": lambda cmd, *rest: (cmd, *rest, "--app", "shop-staging"),
        "-a first": lambda cmd, *rest: ("-a", "shop-staging", cmd, *rest),
        "-r": lambda cmd, *rest: (cmd, "-r", "staging", *rest),
        "--remote": lambda cmd, *rest: (cmd, *rest, "--remote", "staging"),
    }
    for name, form in forms.items():
        for cmd, rest, key in [("info", (), "app"), ("dynos", (), "app"),
                               ("releases", ("-n", "2"), "app"), ("config", (), "app"),
                               ("config:get", ("RAILS_ENV",), "app"),
                               ("config:set", ("FORM_X=1",), "app"),
                               ("config:unset", ("FORM_X",), "app"),
                               ("restart", ("web",), "app"),
                               ("maintenance", ("off",), "app"),
                               ("ps:scale", ("web=1",), "app")]:
            p = expect(w.run("--json", *form(cmd, *rest), cwd=repo), 0, "%s (%s)" % (cmd, name))
            j = as_json(p)
            got = j[key]["name"] if isinstance(j[key], dict) else j[key]
            assert got == "shop-staging", (cmd, name, j)
    # run: the app however given, the command after --.
    for form in (("shop-staging",), ("-a", "shop-staging"), ("-r", "staging")):
        p = expect(w.run("--json", "run", *form, "--", "rake", "cache:clear", cwd=repo), 0,
                   "run " + " ".join(form))
        assert as_json(p)["app"] == "shop-staging" and as_json(p)["finished"] is True, p.stdout
    # The SSH form of the URL, and the official CLI's maintenance:on.
    p = expect(w.run("--json", "dynos", "-r", "heroku", cwd=repo), 0, "git@heroku.com remote")
    assert as_json(p)["app"] == "shop-worker"
    p = expect(w.run("--json", "maintenance:on", "-a", "shop-staging"), 0, "maintenance:on")
    assert as_json(p)["maintenance"] is True
    expect(w.run("maintenance:off", "shop-staging"), 0, "maintenance:off positional")
    # rollback and promote take -a too.
    rel = as_json(w.run("--json", "releases", "-a", "shop-staging", "-n", "2"))["releases"]
    expect(w.run("rollback", "-a", "shop-staging", "v%d" % rel[1]["version"]), 0, "rollback -a")
    p = w.run("--json", "promote", "shop", "-a", "shop-staging", "--to", "shop-production")
    # Production already runs staging's slug in the seed: refused, naming the source app.
    expect(p, 1, "promote -a")
    assert "of shop-staging" in as_json(p)["error"]["message"], p.stdout
    # Wrong uses say what is wrong.
    p = expect(w.run("dynos", "-r", "origin", cwd=repo), 2, "a remote that is not Heroku's")
    assert "origin" in p.stderr, p.stderr
    p = expect(w.run("dynos", "-r", "nowhere", cwd=repo), 2, "an unknown remote")
    assert "nowhere" in p.stderr, p.stderr
    expect(w.run("dynos", "-a", "shop-staging", "-r", "heroku", cwd=repo), 2, "-a and -r differ")
    p = expect(w.run("releases"), 2, "no app at all")
    assert "-a APP" in p.stderr, p.stderr
    expect(w.run("apps", "-a", "shop-staging"), 2, "apps takes no app")


# --- 3. global flags anywhere --------------------------------------------------

def global_flags(w):
    for args in [("--json", "releases", "shop-staging"), ("releases", "shop-staging", "--json"),
                 ("releases", "--json", "shop-staging", "-n", "3"),
                 ("releases", "shop-staging", "-n", "3", "--json")]:
        p = expect(w.run(*args), 0, " ".join(args))
        assert as_json(p)["ok"] is True
    # Options with values after the command, in both spellings.
    p = expect(w.run("releases", "shop-staging", "--json", "--actor", "olive",
                     "--policy", w.path("policy.json"), raw=True), 0, "--actor after")
    assert as_json(p)["app"] == "shop-staging"
    p = expect(w.run("info", "shop-staging", "--json", "--actor=dana",
                     "--policy=" + w.path("policy.json"), raw=True), 0, "--option=value after")
    assert as_json(p)["app"]["name"] == "shop-staging"
    # A refusal by the policy still comes as JSON when --json comes last.
    p = expect(w.run("releases", "legacy-billing", "--json"), 3, "denied, --json last")
    assert as_json(p)["error"]["kind"] == "policy_denied"


# --- 4. help and version -------------------------------------------------------

def help_and_version(w):
    p = expect(w.run("--version", raw=True), 0, "--version")
    assert re.fullmatch(r"herokupp \d+\.\d+\.\d+\n", p.stdout), p.stdout
    assert expect(w.run("version", raw=True), 0, "version").stdout == p.stdout
    for args in [("--help",), ("-h",), ("help",)]:
        text = expect(w.run(*args, raw=True), 0, " ".join(args)).stdout
        for needle in ["config:set", "config:unset", "config:get", "ps:scale", "config:diff",
                       "config:apply", "-a, --app", "-r, --remote", "Examples:", "HEROKU_API_KEY",
                       "HEROKU_HOST", ".netrc", "Exit codes:", "4  a confirmation code"]:
            assert needle in text, (needle, text)
        assert "config-set" not in text and "ps-scale" not in text, text
    text = expect(w.run("config:set", "--help", raw=True), 0, "config:set --help").stdout
    assert "herokupp config:set -a APP KEY=VALUE" in text and "Examples:" in text, text
    assert expect(w.run("help", "deploy", raw=True), 0, "help deploy").stdout.startswith(
        "Usage: herokupp deploy ENV")
    # Old dash names still work, as aliases.
    expect(w.run("config-unset", "shop-staging", "NEVER_SET"), 0, "config-unset alias")
    p = expect(w.run("frobnicate", "x"), 2, "unknown command")
    assert "frobnicate" in p.stderr and "--help" in p.stderr, p.stderr


# --- 5. no echo ----------------------------------------------------------------

def no_echo(w):
    typed = ["typed-value-%02d-c3f1" % i for i in range(12)]
    cases = [
        (2, ("config", "shop-staging", "K=" + typed[0])),
        (2, ("config:unset", "shop-staging", "K=" + typed[1])),
        (2, ("config:unset", "shop-staging", "GOOD_KEY", "BAD=" + typed[2])),
        (2, ("config:set", "shop-staging", "=" + typed[3])),
        (2, ("config:set", "shop-staging", "bad key=" + typed[4])),
        (2, ("maintenance", "shop-staging", "on=" + typed[5])),
        (2, ("rollback", "shop-staging", "v=" + typed[6])),
        (2, ("ps:scale", "shop-staging", "web=" + typed[7])),
        (2, ("--bogus=" + typed[8], "apps")),
        (2, ("releases", "shop-staging", "X=" + typed[9])),
        (2, ("info=" + typed[10], "shop-staging")),
        (3, ("config:set", "shop-production", "FEATURE=" + typed[11])),
    ]
    for code, args in cases:
        for json_flag in ([], ["--json"]):
            p = w.run(*json_flag, *args)
            assert p.returncode == code, (args, p.returncode, p.stdout, p.stderr)
            for value in typed:
                assert value not in p.stdout and value not in p.stderr, (args, p.stdout, p.stderr)
    audit = w.audit()
    assert audit, "the refused config:set is audited"
    for value in typed:
        assert value not in audit, ("value in the audit file", value)
    # Keys are named; values are masked.
    p = w.run("config:unset", "shop-staging", "K=" + typed[1])
    assert "K=********" in p.stderr, p.stderr


# --- 6. errors name the app ----------------------------------------------------

def errors_name_app(w):
    for cmd in ["info", "dynos", "config", "releases", "config:get"]:
        args = [cmd, "no-such-app-7"] + (["RAILS_ENV"] if cmd == "config:get" else [])
        p = expect(w.run(*args, policy=False), 1, cmd + " on an unknown app")
        assert "no-such-app-7" in p.stderr, (cmd, p.stderr)
        j = as_json(w.run("--json", *args, policy=False))
        assert j["error"]["kind"] == "not_found" and "no-such-app-7" in j["error"]["message"], j
    p = expect(w.run("rollback", "shop-staging", "v9999"), 1, "an unknown release")
    assert "9999" in p.stderr and "shop-staging" in p.stderr, p.stderr
    p = expect(w.run("config:get", "shop-staging", "NO_SUCH_KEY"), 1, "an unknown key")
    assert "NO_SUCH_KEY" in p.stderr and "shop-staging" in p.stderr, p.stderr


# --- 7. progress and build output ----------------------------------------------

def run_on_terminal(argv, env, cwd):
    """Runs argv with stdout and stderr on a pseudo-terminal; returns (code, bytes)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.execve(argv[0], argv, env)
    chunks = []
    while True:
        try:
            ready, _, _ = select.select([fd], [], [], 120)
            if not ready:
                os.kill(pid, signal.SIGKILL)
                break
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")


def progress(w):
    # A value of the app that the build prints: shown masked.
    expect(w.run("config:set", "shop-staging", "SHOWN_BY_BUILD=Fetching source"), 0, "set")
    plan = w.run("deploy", "staging", "--source", "https://ci.example.com/s.tgz",
                 "--commit", "0123456789abcdef0123456789abcdef01234567",
                 "--changed", "db/migrations/1.rb", "--subject", "Index orders")
    expect(plan, 4, "plan")
    code = re.search(r"--confirm ([A-Z0-9]+)", plan.stdout).group(1)
    argv = [TOOL, *w.base(), "deploy", "staging", "--confirm", code]
    status, text = run_on_terminal(argv, w.env(), w.dir)
    w.outputs.append(text)
    assert status == 0, text
    # The build's output, streamed, with the config value masked.
    assert "Building on the Heroku-24 stack" in text, text
    assert "Fetching source" not in text and "-----> ********" in text, text
    # Each wait has its own ticker: every wait starts again from its first pause.
    waits = re.split(r"--> ", text)[1:]
    ticking = [wt for wt in waits if "waiting" in wt]
    assert len(ticking) >= 2, text
    for wt in ticking:
        first = re.search(r"waiting (\d+\.\d)s", wt).group(1)
        assert first == "0.5", (first, text)
    # The ticker's line is cleared before the result.
    before, _, _ = text.partition("Deployed staging")
    last_tick = before.rfind("waiting")
    assert last_tick == -1 or "\r\x1b[K" in before[last_tick:], repr(before[-300:])
    # Off a terminal: plain lines, no ticker, no escapes.
    plan = w.run("deploy", "staging", "--source", "https://ci.example.com/t.tgz",
                 "--commit", "1123456789abcdef0123456789abcdef01234567", "--changed", "a.rb")
    code = re.search(r"--confirm ([A-Z0-9]+)", plan.stdout).group(1)
    p = expect(w.run("deploy", "staging", "--confirm", code), 0, "deploy off a terminal")
    assert "\r" not in p.stderr and "\x1b" not in p.stderr and "waiting" not in p.stderr, p.stderr
    assert "--> building" in p.stderr and "-----> ********" in p.stderr, p.stderr


# --- 8. config:get -------------------------------------------------------------

def config_get(w):
    expect(w.run("config:set", "shop-staging", "API_TOKEN=tok-5b2e-reveal-me"), 0, "set")
    # rita holds heroku-shop-staging:reveal: the value.
    p = expect(w.run("config:get", "-a", "shop-staging", "API_TOKEN", actor="rita"), 0, "rita")
    assert p.stdout == "tok-5b2e-reveal-me\n", p.stdout
    j = as_json(w.run("--json", "config:get", "API_TOKEN", "-a", "shop-staging", actor="rita"))
    assert j["value"] == "tok-5b2e-reveal-me" and j["revealed"] is True, j
    # Everyone else: the mask and the fingerprint.
    for actor, policy in [("dana", True), ("olive", True), ("dana", False)]:
        p = expect(w.run("--json", "config:get", "-a", "shop-staging", "API_TOKEN",
                         actor=actor, policy=policy), 0, actor)
        j = as_json(p)
        assert j["value"] == "********" and j["revealed"] is False, j
        assert re.fullmatch(r"[0-9a-f]{8,}", j["fingerprint"]), j
        assert "tok-5b2e-reveal-me" not in p.stdout + p.stderr
        p = expect(w.run("config:get", "shop-staging", "API_TOKEN", actor=actor, policy=policy),
                   0, actor)
        assert p.stdout.startswith("******** ") and "reveal" in p.stderr, (p.stdout, p.stderr)
    # Someone without read on the app gets nothing.
    expect(w.run("config:get", "shop-staging", "API_TOKEN", actor="eve"), 3, "eve")
    audit = w.audit()
    assert '"action":"reveal_config"' in audit and "tok-5b2e-reveal-me" not in audit, audit


CASES = {
    "credentials": (credentials, ()),
    "app_selection": (app_selection, ()),
    "global_flags": (global_flags, ()),
    "help_and_version": (help_and_version, ()),
    "no_echo": (no_echo, ()),
    "errors_name_app": (errors_name_app, ()),
    "progress": (progress, ("--build-seconds", "2", "--one-off-seconds", "1")),
    "config_get": (config_get, ()),
}


def main():
    names = list(CASES) if sys.argv[4] == "all" else [sys.argv[4]]
    failed = 0
    for name in names:
        fn, sim_options = CASES[name]
        w = World(*sim_options)
        try:
            fn(w)
            w.close()
            print("ok", name)
        except Exception as e:  # an assertion, or output of an unexpected shape
            failed += 1
            print("FAIL", name, e)
            w.sim.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
