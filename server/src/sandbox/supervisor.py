# The in-container supervisor of a bot container (see supervisor.ts): started once per container
# by the host, as root with only CAP_SETUID and CAP_SETGID, so a sim's bot starts with a fork
# here instead of a `docker exec` (a daemon round trip and ~40 ms of its CPU per process).
#
# It takes orders from the host alone: JSON lines on stdin, which only the exec's attach stream
# reaches (no file, no socket a bot could open). Each order runs a command as a uid and gid it
# names, never root; the child drops every group and both ids (setgroups, setregid, setreuid)
# before its exec, so the command holds no capability, and a command never inherits the
# supervisor's stdio or any other descriptor. Replies are JSON lines on stdout: the pid once the
# command started (or why it could not), its exit status once it ended.
#
# Run as `python3 -I -S -c <this file>` from / : isolated mode reads no environment variable,
# no user site and nothing from the working directory a bot could have shaped.
import json
import os
import selectors
import signal
import subprocess
import sys

live = {}  # order id -> Popen


def say(reply):
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


def start(order):
    oid = order.get("id")
    uid, gid, argv = order.get("uid"), order.get("gid"), order.get("argv")
    env = order.get("env") or {}
    if not (isinstance(oid, int) and isinstance(uid, int) and isinstance(gid, int)) or uid <= 0 or gid <= 0:
        return say({"id": oid, "error": "an order needs an integer id and a uid and gid other than root"})
    if not (isinstance(argv, list) and argv and all(isinstance(a, str) for a in argv)):
        return say({"id": oid, "error": "argv must be a non-empty list of strings"})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in env.items()):
        return say({"id": oid, "error": "env must map strings to strings"})
    try:
        p = subprocess.Popen(
            argv,
            cwd="/",  # the command changes directory itself, as its own uid
            env={**os.environ, **env},
            user=uid,
            group=gid,
            extra_groups=[],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=True,
            start_new_session=True,
            restore_signals=True,
        )
    except Exception as e:  # noqa: BLE001 - every failure is a reply, never the supervisor's end
        return say({"id": oid, "error": "%s: %s" % (type(e).__name__, e)})
    live[oid] = p
    say({"id": oid, "pid": p.pid})


def reap():
    for oid, p in list(live.items()):
        code = p.poll()
        if code is not None:
            del live[oid]
            say({"id": oid, "exit": code if code >= 0 else 128 - code})


def main():
    # SIGCHLD wakes the loop through a pipe, so an exit is reported at once without polling.
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    sel = selectors.DefaultSelector()
    sel.register(0, selectors.EVENT_READ)
    sel.register(wake_r, selectors.EVENT_READ)
    say({"ready": os.getpid()})
    pending = b""
    while True:
        for key, _ in sel.select():
            if key.fd == wake_r:
                try:
                    while os.read(wake_r, 4096):
                        pass
                except BlockingIOError:
                    pass
                continue
            data = os.read(0, 65536)
            if not data:
                return  # the host hung up: the container goes with it
            pending += data
            *lines, pending = pending.split(b"\n")
            for line in lines:
                try:
                    order = json.loads(line)
                except ValueError:
                    say({"error": "not a JSON line"})
                    continue
                start(order if isinstance(order, dict) else {})
        reap()


main()
