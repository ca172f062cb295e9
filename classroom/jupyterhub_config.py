"""JupyterHub settings for the classroom load test (``make classroom-test``).

``classroom/run.py`` starts JupyterHub with this file and passes everything that
changes from run to run (ports, tokens, the run folder) in ``CLASSROOM_*``
environment variables. Everything listens on 127.0.0.1 only, and every file the
hub writes (database, cookie secret, pid files, learners' homes) lives in the run
folder under ``build/classroom/``.

This is a test set-up: ``SimpleLocalProcessSpawner`` runs every learner as the
same system user with no isolation and ``DummyAuthenticator`` lets anyone in. For a
real class use The Littlest JupyterHub or Zero to JupyterHub (see docs/deploy.md).
"""

import os
import sys

c = get_config()  # noqa: F821  (provided by JupyterHub when it loads this file)

env = os.environ
run_dir = env["CLASSROOM_RUN_DIR"]

# --- network: loopback only, ports chosen by run.py --------------------------
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(env["CLASSROOM_PUBLIC_PORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env["CLASSROOM_HUB_PORT"])

# --- proxy: configurable-http-proxy from npm, started and stopped by the hub --
c.ConfigurableHTTPProxy.command = [env["CLASSROOM_PROXY_CMD"]]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%s" % env["CLASSROOM_PROXY_API_PORT"]
c.ConfigurableHTTPProxy.auth_token = env["CLASSROOM_PROXY_TOKEN"]
c.ConfigurableHTTPProxy.pid_file = os.path.join(run_dir, "proxy.pid")
c.ConfigurableHTTPProxy.should_start = True

# --- state: all in the run folder ----------------------------------------------
c.JupyterHub.db_url = "sqlite:///" + os.path.join(run_dir, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(run_dir, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(run_dir, "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.concurrent_spawn_limit = 0  # no limit: the test spawns everyone at once
c.JupyterHub.active_server_limit = 0

# --- learners: a test authenticator and a local-process spawner ----------------
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True

c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(run_dir, "home", "{username}")
# The single-user server comes from the same environment as the hub and the course
# (the course's .venv), so learners get exactly the packages `make setup` installs.
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.ip = "127.0.0.1"
c.Spawner.notebook_dir = os.path.join(run_dir, "home", "{username}")
c.Spawner.default_url = "/lab"
c.Spawner.args = ["--ServerApp.allow_root=True"]  # the test may run as root (CI does)
# Keep what the scientific stack needs on this machine (OpenBLAS settings) and the
# choice of data package, if any (COURSE_DATA; SCO_COURSE_DATA_DIR is its older name,
# still read); everything else stays out of the learners' environment.
c.Spawner.env_keep = [
    "PATH",
    "LANG",
    "LC_ALL",
    "VIRTUAL_ENV",
    "OPENBLAS_CORETYPE",
    "OPENBLAS_L2_SIZE",
    "COURSE_DATA",
    "SCO_COURSE_DATA_DIR",
]
# Ten servers starting at once on two cores need longer than the defaults.
c.Spawner.start_timeout = int(env.get("CLASSROOM_START_TIMEOUT", "240"))
c.Spawner.http_timeout = int(env.get("CLASSROOM_START_TIMEOUT", "240"))

# --- the load test drives the hub with a service token, new for every run ------
c.JupyterHub.services = [
    {"name": "classroom-load-test", "api_token": env["CLASSROOM_SERVICE_TOKEN"]},
]
c.JupyterHub.load_roles = [
    {
        "name": "classroom-load-test",
        "scopes": ["admin:users", "admin:servers", "access:servers", "tokens"],
        "services": ["classroom-load-test"],
    },
]
