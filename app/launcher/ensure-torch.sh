# Sourced by ./run-tests: installs PyTorch (CPU) for python3 when it is missing, so that the nanogpt template's smoke
# test runs instead of being skipped. Never fails the build: where pip cannot install torch it says so, and the tests
# that need torch skip with the same reason. GROUNDWORK_NO_TORCH_INSTALL=1 leaves python3 alone.

groundwork_ensure_torch() {
  command -v python3 >/dev/null 2>&1 || return 0
  python3 -c "import torch" >/dev/null 2>&1 && return 0
  if [ "${GROUNDWORK_NO_TORCH_INSTALL:-}" = "1" ]; then
    echo "PyTorch is not installed for python3 and GROUNDWORK_NO_TORCH_INSTALL=1: the nanogpt smoke test will be skipped." >&2
    return 0
  fi
  echo "Installing PyTorch for python3 (python3 -m pip install torch; about a minute) for the nanogpt smoke test…" >&2
  if ! python3 -m pip install --quiet torch >&2; then
    echo "pip could not install torch for python3 (see above): the nanogpt smoke test will be skipped." >&2
  fi
  return 0
}

groundwork_ensure_torch
