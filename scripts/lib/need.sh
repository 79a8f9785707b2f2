# Sourced by the bench scripts.
#
# need PROGRAM PACKAGE: returns when PROGRAM (a command name or an absolute path) can be run;
# otherwise installs the Debian package PACKAGE with apt-get when running as root, or exits 2
# saying what to install.
need() {
  local program="$1" package="$2"
  if [ -x "$program" ] || command -v "$program" >/dev/null; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing $package" >&2
    apt-get update -qq && apt-get install -y -qq "$package" >/dev/null
  else
    echo "error: $program is needed: apt-get install $package" >&2
    exit 2
  fi
}
