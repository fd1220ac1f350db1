#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest for the mistakes a build would only show much later.

Usage: test-flatpak.py MANIFEST.json
       test-flatpak.py --self-test MANIFEST.json

With --self-test the manifest must pass, and copies of it with one mistake
each must fail, which shows that the checks can catch what they claim.

Flatpak itself is not needed: the manifest is read as JSON and checked for the
app id, the GNOME runtime, the sandbox holes it must not open, a pinned
libxlsxwriter source and the jiuzhu module built last with meson.
"""

import copy
import json
import re
import sys

APP_ID = "io.github.jiuzhu.Jiuzhu"
MIN_RUNTIME = 47
SHA256 = re.compile(r"[0-9a-f]{64}")

# A database on a shared drive is granted by path (flatpak override
# --filesystem=PATH) because the file-chooser portal gives no flock; a blanket
# grant of the host or the home folder is never the answer.
FORBIDDEN_FILESYSTEMS = {"host", "host-os", "host-etc", "home", "~", "/", "/home"}


def filesystem_target(arg):
    """The location of a --filesystem= argument, without its :ro/:rw/:create suffix."""
    value = arg.split("=", 1)[1]
    for suffix in (":ro", ":rw", ":create"):
        if value.endswith(suffix):
            return value[: -len(suffix)]
    return value


def check(manifest):
    """Every problem with the manifest, as a list of sentences."""
    problems = []

    app_id = manifest.get("app-id", manifest.get("id"))
    if app_id != APP_ID:
        problems.append(f"app-id is {app_id!r}, expected {APP_ID!r}")
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append(f"runtime is {manifest.get('runtime')!r}, expected 'org.gnome.Platform'")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problems.append(f"sdk is {manifest.get('sdk')!r}, expected 'org.gnome.Sdk'")
    if manifest.get("command") != "jiuzhu":
        problems.append(f"command is {manifest.get('command')!r}, expected 'jiuzhu'")

    version = manifest.get("runtime-version")
    if not isinstance(version, str) or not version.isdigit():
        problems.append(f"runtime-version {version!r} is not a GNOME release number such as '48'")
    elif int(version) < MIN_RUNTIME:
        problems.append(f"runtime-version {version} is older than {MIN_RUNTIME}")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg.startswith("--filesystem="):
            target = filesystem_target(arg).rstrip("/") or "/"
            if target in FORBIDDEN_FILESYSTEMS:
                problems.append(f"finish-args grants {arg}; grant a shared drive by path instead")
    for needed in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"):
        if needed not in finish_args:
            problems.append(f"finish-args lacks {needed}")

    modules = manifest.get("modules", [])
    if not modules:
        problems.append("there are no modules")
        return problems

    by_name = {m.get("name"): m for m in modules if isinstance(m, dict)}
    xlsx = by_name.get("libxlsxwriter")
    if xlsx is None:
        problems.append("the libxlsxwriter module is missing")
    else:
        if xlsx.get("buildsystem") != "cmake-ninja":
            problems.append(f"libxlsxwriter is built with {xlsx.get('buildsystem')!r}, expected 'cmake-ninja'")
        opts = xlsx.get("config-opts", [])
        for opt in ("-DBUILD_TESTS=OFF", "-DBUILD_EXAMPLES=OFF", "-DUSE_SYSTEM_MINIZIP=OFF"):
            if opt not in opts:
                problems.append(f"libxlsxwriter config-opts lack {opt}")
        archives = [s for s in xlsx.get("sources", []) if s.get("type") == "archive"]
        if not archives:
            problems.append("libxlsxwriter has no source of type 'archive'")
        for source in archives:
            url = source.get("url", "")
            if not url.startswith("https://"):
                problems.append(f"libxlsxwriter archive url {url!r} is not https")
            if not SHA256.fullmatch(source.get("sha256", "")):
                problems.append("libxlsxwriter archive is not pinned by a 64-digit lowercase hex sha256")

    last = modules[-1]
    if not isinstance(last, dict) or last.get("name") != "jiuzhu":
        problems.append("the last module is not jiuzhu")
    elif last.get("buildsystem") != "meson":
        problems.append(f"jiuzhu is built with {last.get('buildsystem')!r}, expected 'meson'")
    elif not any(s.get("type") == "dir" and s.get("path") == ".." for s in last.get("sources", [])):
        problems.append("jiuzhu is not built from the source tree (a 'dir' source with path '..')")

    return problems


def _mutations():
    """Broken copies of a manifest: (what is wrong, function that breaks a copy)."""

    def finish(arg):
        return lambda m: m.setdefault("finish-args", []).append(arg)

    def xlsx_source(key, value):
        def apply(m):
            for module in m["modules"]:
                if module.get("name") == "libxlsxwriter":
                    for source in module["sources"]:
                        source[key] = value
        return apply

    def set_key(key, value):
        return lambda m: m.__setitem__(key, value)

    return [
        ("wrong app-id", set_key("app-id", "org.example.Jiuzhu")),
        ("wrong runtime", set_key("runtime", "org.kde.Platform")),
        ("wrong sdk", set_key("sdk", "org.freedesktop.Sdk")),
        ("old runtime", set_key("runtime-version", "46")),
        ("branch runtime", set_key("runtime-version", "master")),
        ("host filesystem", finish("--filesystem=host")),
        ("read-only host", finish("--filesystem=host:ro")),
        ("home filesystem", finish("--filesystem=home")),
        ("tilde home", finish("--filesystem=~/")),
        ("no wayland", lambda m: m["finish-args"].remove("--socket=wayland")),
        ("http url", xlsx_source("url", "http://github.com/jmcnamara/libxlsxwriter/archive/x.tar.gz")),
        ("short sha256", xlsx_source("sha256", "0123abcd")),
        ("git source", xlsx_source("type", "git")),
        ("no libxlsxwriter", lambda m: m.__setitem__(
            "modules", [x for x in m["modules"] if x.get("name") != "libxlsxwriter"])),
        ("jiuzhu not last", lambda m: m["modules"].reverse()),
        ("jiuzhu with cmake", lambda m: m["modules"][-1].__setitem__("buildsystem", "cmake")),
    ]


def self_test(manifest):
    """0 if the manifest passes and every broken copy of it fails."""
    failures = 0
    if check(manifest):
        print("self-test: the manifest itself does not pass", file=sys.stderr)
        return 1
    for what, breaks in _mutations():
        broken = copy.deepcopy(manifest)
        breaks(broken)
        if not check(broken):
            print(f"self-test: a manifest with {what} was accepted", file=sys.stderr)
            failures += 1
    if failures == 0:
        print(f"self-test: {len(_mutations())} broken manifests all rejected")
    return 1 if failures else 0


def main(argv):
    args = argv[1:]
    selftest = bool(args) and args[0] == "--self-test"
    if selftest:
        args = args[1:]
    if len(args) != 1:
        print(f"usage: {argv[0]} [--self-test] MANIFEST.json", file=sys.stderr)
        return 2
    path = args[0]
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: cannot read the manifest: {e}", file=sys.stderr)
        return 1

    if selftest:
        return self_test(manifest)

    problems = check(manifest)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"{path}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
