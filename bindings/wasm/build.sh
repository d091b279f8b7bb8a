#!/usr/bin/env bash
# Builds the @replog/wasm package into bindings/wasm/pkg: the crate for
# wasm32-unknown-unknown, then wasm-bindgen for each target (web: `<script type="module">`
# and `init()`; bundler; nodejs). `--release` builds the `wasm-release` profile (size first) and shrinks each
# module with `wasm-opt -Oz` (npm binaryen; Debian's 108 breaks the module).
#
#   bindings/wasm/build.sh [--release]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
profile=debug
cargo_args=()
if [ "${1:-}" = "--release" ]; then
  profile=wasm-release
  cargo_args=(--profile wasm-release)
fi
(cd "$root" && cargo build --locked -p replog-wasm --target wasm32-unknown-unknown "${cargo_args[@]}")
wasm="$target_dir/wasm32-unknown-unknown/$profile/replog_wasm.wasm"
out="$here/pkg"
rm -rf "$out"
for target in web bundler nodejs; do
  wasm-bindgen --target "$target" --out-dir "$out/$target" "$wasm"
  if [ "$profile" = wasm-release ]; then
    module="$out/$target/replog_wasm_bg.wasm"
    "$here/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$module" -o "$module.opt"
    mv "$module.opt" "$module"
  fi
done
# The package is "type": "module"; the nodejs target is CommonJS.
echo '{ "type": "commonjs" }' >"$out/nodejs/package.json"
