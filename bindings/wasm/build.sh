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
# Where cargo puts its output, as cargo itself resolves it (CARGO_TARGET_DIR, a
# .cargo/config.toml's build.target-dir, or target/).
target_dir="$(cd "$root" && cargo metadata --format-version 1 --no-deps |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')"
profile=debug
cargo_args=()
# -Oz: smallest; the features are the ones wasm-bindgen's output uses, and 128-bit SIMD;
# no debug sections, producers or target features in the shipped module.
wasm_opt_args=(-Oz --strip-debug --strip-producers --strip-target-features
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-simd)
if [ "${1:-}" = "--release" ]; then
  profile=wasm-release
  cargo_args=(--profile wasm-release)
  # Binaryen inlines a function with one caller whatever its size by default. The validation
  # engine comes out of LLVM already inlined where it pays (replog-catalog is built at
  # opt-level 2, see the workspace Cargo.toml), so a bound of 50 bytes keeps the speed and
  # saves 13 KB gzipped against 300 (0: another 0.4 KB, up to 3 % slower).
  wasm_opt_args+=(--one-caller-inline-max-function-size 50)
fi
# WebAssembly SIMD (Chrome and Edge 91, Firefox 89, Safari 16.4, Node 16.4): the validator's
# reader then finds string ends and skips blanks sixteen bytes a step (replog-catalog's
# engine/scan.rs), and LLVM vectorises copies; measured on the sample program in Node, 0.94-0.96x
# the time, the same size. Both builds use it, so the package's tests run the code shipped. A
# RUSTFLAGS variable replaces this setting (cargo's precedence); the reader then falls back
# to eight bytes a step.
simd=(--config 'target.wasm32-unknown-unknown.rustflags = ["-Ctarget-feature=+simd128"]')
(cd "$root" && cargo build --locked -p replog-wasm --target wasm32-unknown-unknown "${simd[@]}" "${cargo_args[@]}")
wasm="$target_dir/wasm32-unknown-unknown/$profile/replog_wasm.wasm"
out="$here/pkg"
rm -rf "$out"
optimised=""
# nodejs: an ES module that loads the module synchronously (wasm-bindgen's
# `experimental-nodejs-module`; the package's Node entry, node.mjs, is an ES module too).
for target in web bundler nodejs; do
  kind=$target
  [ "$target" != nodejs ] || kind=experimental-nodejs-module
  wasm-bindgen --target "$kind" --out-dir "$out/$target" "$wasm"
  [ "$profile" = wasm-release ] || continue
  module="$out/$target/replog_wasm_bg.wasm"
  # wasm-bindgen writes the same module for every target (only the JavaScript glue
  # differs), so wasm-opt, the slow step, runs once and the others reuse its output.
  if [ -n "$optimised" ] && cmp -s "$module" "$optimised.in"; then
    cp "$optimised" "$module"
    continue
  fi
  cp "$module" "$module.in"
  "$here/node_modules/.bin/wasm-opt" "${wasm_opt_args[@]}" "$module.in" -o "$module"
  optimised="$module"
done
[ -z "$optimised" ] || rm -f "$out"/*/replog_wasm_bg.wasm.in
