#!/usr/bin/env bash
# The GPU suite (issue 28): one JSON on stdout, under 8 minutes on an H100.
#
#   benchmarks/gpu_suite.sh fetch   here, once: the wheels a bare GPU machine lacks, into .whl/
#                                   (ignored by git; carry it to the machine)
#   benchmarks/gpu_suite.sh         there: installs .whl/ if present (into /tmp/site), then runs
#                                   benchmarks/gpu_suite.py with the system's CUDA torch
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ "${1:-}" = fetch ]; then
    grep -qx '/.whl/' .git/info/exclude 2>/dev/null || echo /.whl/ >> .git/info/exclude
    for pkg in diffusers==0.42.1 pydantic==2.14.4 pydantic_core==2.50.5 annotated_types==0.8.0 \
               typing_inspection==0.4.5; do
        "$PY" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
            --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
            -d .whl "$pkg"
    done
    ls .whl
    exit 0
fi
if compgen -G ".whl/*.whl" > /dev/null; then
    "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
    export PYTHONPATH=/tmp/site:${PYTHONPATH:-}
fi
export PYTHONPATH=$PWD:${PYTHONPATH:-} PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1
exec "$PY" benchmarks/gpu_suite.py "$@"
